#include "extractors/structured_data.h"

#include <gumbo.h>

#include <charconv>
#include <cstdio>
#include <exception>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/strings.h"
#include "extractors/gumbo_holder.h"

namespace plainsight {

namespace {

using json = nlohmann::json;

// Larger scripts are not adverts' metadata; skipping them bounds the work.
constexpr std::size_t kMaxJsonLdBytes = 1 << 20;

// "https://schema.org/JobPosting" -> "JobPosting".
std::string_view ShortType(std::string_view type) {
  std::size_t cut = type.find_last_of("/#:");
  return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

bool IsAdvertType(std::string_view type) {
  return type == "JobPosting" || type == "Offer" || type == "Service" || type == "Person" ||
         type == "Product";
}

// The first of an item's @type values that we read, or "".
std::string AdvertType(const json& item) {
  auto it = item.find("@type");
  if (it == item.end()) return "";
  if (it->is_string()) {
    std::string_view type = ShortType(it->get_ref<const std::string&>());
    return IsAdvertType(type) ? std::string(type) : "";
  }
  if (it->is_array()) {
    for (const json& each : *it) {
      if (!each.is_string()) continue;
      std::string_view type = ShortType(each.get_ref<const std::string&>());
      if (IsAdvertType(type)) return std::string(type);
    }
  }
  return "";
}

std::string FormatNumber(double value) {
  char buffer[64];
  bool whole = value == static_cast<double>(static_cast<long long>(value));
  std::snprintf(buffer, sizeof buffer, whole ? "%.0f" : "%.2f", value);
  return buffer;
}

std::string HtmlToText(std::string text);

// Reads one document's items; resolves {"@id": ...} references within it.
class ItemReader {
 public:
  explicit ItemReader(std::vector<StructuredAdvert>* out) : out_(out) {}

  // Reads a JSON-LD document: an item, an array of items, or @graph.
  void ReadDocument(const json& root) {
    std::vector<const json*> items;
    auto collect = [&items](const json& value) {
      if (!value.is_object()) return;
      items.push_back(&value);
      auto graph = value.find("@graph");
      if (graph != value.end() && graph->is_array()) {
        for (const json& member : *graph) {
          if (member.is_object()) items.push_back(&member);
        }
      }
    };
    if (root.is_array()) {
      for (const json& each : root) collect(each);
    } else {
      collect(root);
    }
    for (const json* item : items) {
      auto id = item->find("@id");
      if (id != item->end() && id->is_string()) ids_.emplace(id->get<std::string>(), item);
    }
    for (const json* item : items) ReadItem(*item);
  }

  void ReadItem(const json& item) {
    std::string type = AdvertType(item);
    if (type.empty()) return;
    StructuredAdvert advert;
    advert.type = std::move(type);
    advert.title = Text(Member(item, "title"));
    if (advert.title.empty()) advert.title = Text(Member(item, "name"));
    advert.description = HtmlToText(Text(Member(item, "description")));
    advert.date_posted = Text(Member(item, "datePosted"));

    const json* organization = nullptr;
    for (const char* key : {"hiringOrganization", "provider", "seller", "offeredBy", "worksFor"}) {
      organization = Member(item, key);
      if (organization != nullptr) break;
    }
    advert.hiring_organization = Text(organization);

    for (const char* key : {"jobLocation", "location", "address"}) {
      if (const json* place = Member(item, key)) {
        ReadAddress(*place, &advert, 0);
        break;
      }
    }

    const json* salary = Member(item, "baseSalary");
    if (salary == nullptr) salary = Member(item, "estimatedSalary");
    if (salary != nullptr) {
      ReadSalary(*salary, &advert);
    } else if (advert.type == "Offer") {
      ReadPrice(item, &advert);
    } else if (const json* offer = Member(item, "offers")) {
      ReadPrice(*offer, &advert);
    }
    FillSalaryText(&advert);

    ReadContact(item, &advert);
    if (advert.telephone.empty() && advert.email.empty() && organization != nullptr &&
        organization->is_object()) {
      ReadContact(*organization, &advert);
    }
    out_->push_back(std::move(advert));
  }

 private:
  // `item[key]`, with arrays reduced to their first element and @id
  // references resolved; null when absent.
  const json* Member(const json& item, const char* key) const {
    if (!item.is_object()) return nullptr;
    auto it = item.find(key);
    if (it == item.end()) return nullptr;
    return Resolve(&*it);
  }

  const json* Resolve(const json* value) const {
    if (value->is_array()) {
      if (value->empty()) return nullptr;
      value = &(*value)[0];
    }
    if (value->is_object() && value->size() == 1) {
      auto id = value->find("@id");
      if (id != value->end() && id->is_string()) {
        auto found = ids_.find(id->get<std::string>());
        if (found != ids_.end()) return found->second;
      }
    }
    return value->is_null() ? nullptr : value;
  }

  // A value as text: strings as they are, numbers formatted, objects by
  // their name or @value.
  std::string Text(const json* value) const {
    if (value == nullptr) return "";
    if (value->is_string()) return std::string(TrimAscii(value->get_ref<const std::string&>()));
    if (value->is_number()) return FormatNumber(value->get<double>());
    if (value->is_object()) {
      for (const char* key : {"name", "@value"}) {
        auto it = value->find(key);
        if (it != value->end() && it->is_string()) {
          return std::string(TrimAscii(it->get_ref<const std::string&>()));
        }
      }
    }
    return "";
  }

  // A number, also from strings such as "£8.50" or "25,000".
  static std::optional<double> Number(const json* value) {
    if (value == nullptr) return std::nullopt;
    if (value->is_number()) return value->get<double>();
    if (!value->is_string()) return std::nullopt;
    std::string digits;
    for (char c : value->get_ref<const std::string&>()) {
      if (IsAsciiDigit(c) || c == '.' || c == '-') {
        digits.push_back(c);
      } else if (c != ',' && !IsAsciiSpace(c) && static_cast<unsigned char>(c) < 0x80 && c != '$') {
        return std::nullopt;  // words: not a plain amount
      }
    }
    double parsed = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
    if (error != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
      return std::nullopt;
    }
    return parsed;
  }

  // "hourly", "HUR" (UN/CEFACT), "per hour" ... -> "HOUR".
  static std::string SalaryUnit(std::string text) {
    text = ToUpperAscii(text);
    static const struct {
      const char* needle;
      const char* unit;
    } kUnits[] = {{"HOUR", "HOUR"}, {"HUR", "HOUR"},  {"DAY", "DAY"},   {"DAILY", "DAY"},
                  {"WEEK", "WEEK"}, {"WEE", "WEEK"},  {"MONTH", "MONTH"}, {"MON", "MONTH"},
                  {"YEAR", "YEAR"}, {"ANN", "YEAR"},  {"ANNUM", "YEAR"}};
    for (const auto& unit : kUnits) {
      if (text.find(unit.needle) != std::string::npos) return unit.unit;
    }
    return "";
  }

  void ReadAddress(const json& place, StructuredAdvert* advert, int depth) const {
    const json* value = Resolve(&place);
    if (value == nullptr || depth > 3) return;
    if (value->is_string()) {
      if (advert->street_address.empty()) advert->street_address = Text(value);
      return;
    }
    if (!value->is_object()) return;
    if (const json* address = Member(*value, "address")) {
      ReadAddress(*address, advert, depth + 1);
      return;
    }
    advert->postal_code = Text(Member(*value, "postalCode"));
    advert->locality = Text(Member(*value, "addressLocality"));
    advert->region = Text(Member(*value, "addressRegion"));
    advert->street_address = Text(Member(*value, "streetAddress"));
  }

  // MonetaryAmount {currency, value: QuantitativeValue {value, minValue,
  // maxValue, unitText}}, or a bare number / string.
  void ReadSalary(const json& salary, StructuredAdvert* advert) {
    if (!salary.is_object()) {
      advert->salary_value = Number(&salary);
      return;
    }
    currency_ = Text(Member(salary, "currency"));
    ReadQuantity(salary, advert);
    if (const json* value = Member(salary, "value")) {
      if (value->is_object()) {
        ReadQuantity(*value, advert);
      } else {
        advert->salary_value = Number(value);
      }
    }
  }

  void ReadQuantity(const json& quantity, StructuredAdvert* advert) {
    if (auto value = Number(Member(quantity, "value"))) advert->salary_value = value;
    if (auto low = Number(Member(quantity, "minValue"))) advert->salary_min = low;
    if (auto high = Number(Member(quantity, "maxValue"))) advert->salary_max = high;
    std::string unit = SalaryUnit(Text(Member(quantity, "unitText")));
    if (unit.empty()) unit = SalaryUnit(Text(Member(quantity, "unitCode")));
    if (!unit.empty()) advert->salary_unit = std::move(unit);
  }

  // Offer {price, priceCurrency, priceSpecification {...}}.
  void ReadPrice(const json& offer, StructuredAdvert* advert) {
    if (!offer.is_object()) return;
    const json* spec = Member(offer, "priceSpecification");
    for (const json* source : {&offer, spec}) {
      if (source == nullptr || !source->is_object()) continue;
      if (auto price = Number(Member(*source, "price"))) advert->salary_value = price;
      if (auto low = Number(Member(*source, "minPrice"))) advert->salary_min = low;
      if (auto high = Number(Member(*source, "maxPrice"))) advert->salary_max = high;
      std::string currency = Text(Member(*source, "priceCurrency"));
      if (!currency.empty()) currency_ = std::move(currency);
      std::string unit = SalaryUnit(Text(Member(*source, "unitText")));
      if (unit.empty()) unit = SalaryUnit(Text(Member(*source, "unitCode")));
      if (!unit.empty()) advert->salary_unit = std::move(unit);
    }
  }

  void FillSalaryText(StructuredAdvert* advert) {
    std::string amount;
    if (advert->salary_value) {
      amount = FormatNumber(*advert->salary_value);
    } else if (advert->salary_min && advert->salary_max) {
      amount = FormatNumber(*advert->salary_min) + "-" + FormatNumber(*advert->salary_max);
    } else if (advert->salary_min) {
      amount = FormatNumber(*advert->salary_min);
    } else if (advert->salary_max) {
      amount = FormatNumber(*advert->salary_max);
    }
    if (!amount.empty()) {
      advert->salary_text = amount;
      if (!currency_.empty()) advert->salary_text += " " + currency_;
      if (!advert->salary_unit.empty()) advert->salary_text += " per " + advert->salary_unit;
    }
    currency_.clear();
  }

  void ReadContact(const json& item, StructuredAdvert* advert) const {
    auto strip = [](std::string text, std::string_view scheme) {
      if (text.compare(0, scheme.size(), scheme) == 0) text.erase(0, scheme.size());
      return text;
    };
    advert->telephone = strip(Text(Member(item, "telephone")), "tel:");
    advert->email = strip(Text(Member(item, "email")), "mailto:");
    const json* contact = Member(item, "contactPoint");
    if (contact != nullptr && contact->is_object()) {
      if (advert->telephone.empty()) advert->telephone = strip(Text(Member(*contact, "telephone")), "tel:");
      if (advert->email.empty()) advert->email = strip(Text(Member(*contact, "email")), "mailto:");
    }
  }

  std::vector<StructuredAdvert>* out_;
  std::unordered_map<std::string, const json*> ids_;
  std::string currency_;  // of the salary being read
};

// Sites paste JSON-LD inside <!-- --> and leave raw line breaks in strings,
// which browsers and search engines accept; make both parseable.
std::string CleanJsonLd(std::string_view text) {
  text = TrimAscii(text);
  if (text.substr(0, 4) == "<!--") text = TrimAscii(text.substr(4));
  if (text.size() >= 3 && text.substr(text.size() - 3) == "-->") {
    text = TrimAscii(text.substr(0, text.size() - 3));
  }
  std::string out(text);
  bool in_string = false;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out[i] = ' ';
      }
    } else if (c == '"') {
      in_string = true;
    }
  }
  return out;
}

// Elements that don't separate words; every other element boundary does.
bool IsInline(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_A: case GUMBO_TAG_ABBR: case GUMBO_TAG_B: case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO: case GUMBO_TAG_CITE: case GUMBO_TAG_CODE: case GUMBO_TAG_DATA:
    case GUMBO_TAG_EM: case GUMBO_TAG_FONT: case GUMBO_TAG_I: case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q: case GUMBO_TAG_S: case GUMBO_TAG_SMALL: case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRONG: case GUMBO_TAG_SUB: case GUMBO_TAG_SUP: case GUMBO_TAG_TIME:
    case GUMBO_TAG_U:
      return true;
    default:
      return false;
  }
}

// Text content with whitespace collapsed to single spaces; block elements
// and <br> separate words. Script and style are skipped.
std::string TextContent(const GumboNode* node) {
  struct Collector {
    std::string text;
    bool space = false;
    bool Enter(const GumboNode* n) {
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
          n->type == GUMBO_NODE_CDATA) {
        for (const char* p = n->v.text.text; *p != '\0'; ++p) {
          if (IsAsciiSpace(*p)) {
            space = !text.empty();
          } else {
            if (space) text.push_back(' ');
            space = false;
            text.push_back(*p);
          }
        }
        return false;
      }
      if (n->type != GUMBO_NODE_ELEMENT) return n->type == GUMBO_NODE_DOCUMENT;
      GumboTag tag = n->v.element.tag;
      if (!IsInline(tag)) space = !text.empty();
      return tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE;
    }
    void Leave(const GumboNode* n) {
      if (n->type == GUMBO_NODE_ELEMENT && !IsInline(n->v.element.tag)) space = !text.empty();
    }
  } collector;
  WalkTree(node, collector);
  return collector.text;
}

// JobPosting descriptions are often HTML ("<p>Shifts...</p>"); the rest of
// plainsight wants words, as in the page's visible text.
std::string HtmlToText(std::string text) {
  if (text.find('<') == std::string::npos && text.find('&') == std::string::npos) return text;
  GumboHolder gumbo(text);
  return TextContent(gumbo.document());
}

const char* AttributeValue(const GumboNode* node, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute == nullptr ? nullptr : attribute->value;
}

// The value of an itemprop element, per the HTML microdata spec.
json PropertyValue(const GumboNode* node) {
  const char* attribute = nullptr;
  switch (node->v.element.tag) {
    case GUMBO_TAG_META:
      attribute = "content";
      break;
    case GUMBO_TAG_A:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_LINK:
      attribute = "href";
      break;
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_TRACK:
      attribute = "src";
      break;
    case GUMBO_TAG_OBJECT:
      attribute = "data";
      break;
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_METER:
      attribute = "value";
      break;
    case GUMBO_TAG_TIME:
      if (const char* datetime = AttributeValue(node, "datetime")) return datetime;
      break;
    default:
      break;
  }
  if (attribute != nullptr) {
    const char* value = AttributeValue(node, attribute);
    return value == nullptr ? "" : value;
  }
  return TextContent(node);
}

// Calls `each(name)` for each space-separated token of `list`.
template <typename Each>
void ForEachToken(std::string_view list, const Each& each) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsAsciiSpace(list[i])) ++i;
    std::size_t start = i;
    while (i < list.size() && !IsAsciiSpace(list[i])) ++i;
    if (i > start) each(std::string(list.substr(start, i - start)));
  }
}

// Builds one JSON object per microdata item, shaped like JSON-LD.
class MicrodataBuilder {
 public:
  bool Enter(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return true;
    const char* itemprop = AttributeValue(node, "itemprop");
    json* current = scopes_.empty() ? nullptr : scopes_.back().item;
    if (AttributeValue(node, "itemscope") != nullptr) {
      json* item = nullptr;
      if (itemprop != nullptr && current != nullptr) {
        ForEachToken(itemprop, [&](const std::string& name) {
          if (item == nullptr && !current->contains(name)) item = &((*current)[name] = json::object());
        });
      }
      if (item == nullptr) {
        // A top-level item, or a repeated property we don't keep: either way
        // its own properties must not leak into the enclosing item.
        items_.push_back(std::make_unique<json>(json::object()));
        item = items_.back().get();
      }
      if (const char* type = AttributeValue(node, "itemtype")) {
        ForEachToken(type, [&](const std::string& name) {
          if (!item->contains("@type")) (*item)["@type"] = name;
        });
      }
      scopes_.push_back({node, item});
      return true;
    }
    if (itemprop != nullptr && current != nullptr) {
      ForEachToken(itemprop, [&](const std::string& name) {
        if (!current->contains(name)) (*current)[name] = PropertyValue(node);
      });
    }
    return true;
  }

  void Leave(const GumboNode* node) {
    if (!scopes_.empty() && scopes_.back().element == node) scopes_.pop_back();
  }

  const std::vector<std::unique_ptr<json>>& items() const { return items_; }

 private:
  struct Scope {
    const GumboNode* element;
    json* item;  // stable: nlohmann objects are std::maps
  };
  std::vector<Scope> scopes_;
  std::vector<std::unique_ptr<json>> items_;
};

}  // namespace

void AppendJsonLdItems(std::string_view json_text, std::vector<StructuredAdvert>* out) {
  if (json_text.size() > kMaxJsonLdBytes) return;
  try {
    json root = json::parse(CleanJsonLd(json_text), nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) return;
    ItemReader(out).ReadDocument(root);
  } catch (const std::exception&) {
    // Unexpected shapes or memory exhaustion: keep what was read.
  }
}

void AppendMicrodataItems(const GumboNode* root, std::vector<StructuredAdvert>* out) {
  try {
    MicrodataBuilder builder;
    WalkTree(root, builder);
    for (const auto& item : builder.items()) ItemReader(out).ReadItem(*item);
  } catch (const std::exception&) {
    // As above.
  }
}

}  // namespace plainsight
