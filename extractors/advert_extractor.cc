#include "extractors/advert_extractor.h"

#include <cctype>
#include <cstdio>
#include <set>

#include "core/dates.h"
#include "core/strings.h"
#include "extractors/addresses.h"
#include "extractors/adult_fields.h"
#include "extractors/charset.h"
#include "extractors/emails.h"
#include "extractors/handles.h"
#include "extractors/html_page.h"
#include "extractors/minimum_wage.h"
#include "extractors/pay.h"
#include "extractors/phones.h"
#include "extractors/postcodes.h"
#include "extractors/script_data.h"
#include "extractors/selector.h"
#include "extractors/text_normalize.h"

namespace plainsight {

struct AdvertExtractor::Impl {
  std::vector<std::pair<std::string, Selector>> fields;  // parsed once per site
  std::vector<std::pair<std::string, ScriptFieldPath>> script_fields;
  MinimumWageTable minimum_wage = MinimumWageTable::UkDefault();
};

namespace {

// "2026-11-03", "3 November 2026" etc. are left to the table's caller; here we
// only need an ISO day when the page gives one, else `fallback`.
std::string IsoDay(std::string_view posted, std::string_view fallback) {
  const std::optional<CivilDay> day = FindIsoDay(posted);
  return day ? day->Iso() : std::string(fallback);
}

// Without SP, HT, CR and LF at either end; unlike TrimAscii, a \f is kept
// (as this file always did; only a script field's value can have one there).
std::string Trim(std::string_view s) {
  return std::string(TrimAsciiIf(s, [](char c) { return IsAsciiSpace(c) && c != '\f'; }));
}

std::string FormatMoney(double value) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  return buf;
}

// Whether `p` can show pay below the UK minimum: a rate in pounds that is a
// floor, not "up to £X" (the real rate may be lower, or it is a ceiling).
bool JudgedAgainstUkMinimum(const ExtractedPay& p) {
  return p.currency == "GBP" && !p.up_to && p.hourly && *p.hourly > 0;
}

}  // namespace

AdvertExtractor::AdvertExtractor(ExtractorOptions options,
                                 std::shared_ptr<const PatternSet> patterns,
                                 std::unique_ptr<Impl> impl)
    : options_(std::move(options)), patterns_(std::move(patterns)), impl_(std::move(impl)) {}

AdvertExtractor::~AdvertExtractor() = default;

ExtractorOptions ExtractorOptionsForSite(const Config& config, const SiteConfig& site,
                                         std::shared_ptr<const Gazetteer> gazetteer) {
  ExtractorOptions options;
  options.kind = site.kind;
  options.fields = site.fields;
  options.phone_region = site.phone_region.empty() ? config.default_region : site.phone_region;
  options.currency = site.currency;
  options.default_town = site.region;
  options.gazetteer = std::move(gazetteer);
  return options;
}

Result<std::shared_ptr<const AdvertExtractor>> AdvertExtractor::Create(
    ExtractorOptions options, std::shared_ptr<const PatternSet> patterns) {
  auto impl = std::make_unique<Impl>();
  const std::pair<const char*, const std::string*> named[] = {
      {"title", &options.fields.title},       {"body", &options.fields.body},
      {"location", &options.fields.location}, {"posted", &options.fields.posted},
      {"salary", &options.fields.salary},     {"company", &options.fields.company},
      {"contact", &options.fields.contact}};
  for (const auto& [name, spec] : named) {
    if (spec->empty()) continue;
    if (IsScriptFieldPath(*spec)) {
      auto path = ParseScriptFieldPath(*spec);
      if (!path.ok()) {
        return Status::InvalidArgument(std::string("fields.") + name + ": " +
                                       path.status().message());
      }
      impl->script_fields.emplace_back(name, std::move(path).value());
      continue;
    }
    auto parsed = Selector::Parse(*spec);
    if (!parsed.ok()) {
      return Status::InvalidArgument(std::string("fields.") + name + ": " +
                                     parsed.status().message());
    }
    impl->fields.emplace_back(name, std::move(parsed).value());
  }
  return std::shared_ptr<const AdvertExtractor>(
      new AdvertExtractor(std::move(options), std::move(patterns), std::move(impl)));
}

namespace {

std::vector<std::string> ContactsOf(std::string_view text, const std::string& region) {
  const NormalizedText norm = NormalizeForMatching(text);
  std::vector<std::string> contacts;
  for (const PhoneMatch& p : FindPhones(text, norm, region)) contacts.push_back(p.e164);
  for (const EmailMatch& e : FindEmails(text, norm)) contacts.push_back(e.email);
  for (const HandleMatch& h : FindHandles(text, norm, {}, region)) contacts.push_back(h.handle);
  return contacts;
}

}  // namespace

std::vector<std::string> AdvertExtractor::ExtractLinks(std::string_view body,
                                                       std::string_view content_type,
                                                       std::string* base_href,
                                                       std::string* canonical,
                                                       SiteBoilerplate* boilerplate) const {
  ParsedPage page = ParseHtml(ToUtf8(body, content_type), {}, boilerplate != nullptr);
  if (boilerplate != nullptr) {
    boilerplate->Learn(page.text_blocks, ContactsOf(page.text, options_.phone_region), true);
  }
  std::vector<std::string> links;
  links.reserve(page.links.size());
  for (PageLink& link : page.links) links.push_back(std::move(link.href));
  if (base_href != nullptr) *base_href = page.base_href;
  if (canonical != nullptr) *canonical = page.canonical;
  return links;
}

AdvertExtraction AdvertExtractor::Extract(std::string_view body, std::string_view content_type,
                                          std::string_view today,
                                          SiteBoilerplate* boilerplate,
                                          ChromeMode mode) const {
  AdvertExtraction out;
  std::string html = ToUtf8(body, content_type, &out.charset);
  // Text blocks only feed the boilerplate profile.
  ParsedPage page =
      ParseHtml(html, impl_->fields, boilerplate != nullptr, !impl_->script_fields.empty());
  for (const auto& [name, path] : impl_->script_fields) {
    if (auto value = ReadScriptField(page.scripts, path)) page.fields[name] = std::move(*value);
  }

  out.canonical = page.canonical;
  out.base_href = page.base_href;
  out.links.reserve(page.links.size());
  for (PageLink& link : page.links) out.links.push_back(std::move(link.href));

  // Structured data first (it is what the site itself says), then selectors,
  // then page-wide heuristics.
  const StructuredAdvert* structured = page.structured.empty() ? nullptr : &page.structured.front();
  auto field = [&](const char* name) -> std::string {
    auto it = page.fields.find(name);
    return it == page.fields.end() ? std::string() : Trim(it->second);
  };
  out.title =
      structured != nullptr && !structured->title.empty() ? structured->title : field("title");
  if (out.title.empty()) out.title = Trim(page.title);
  out.location = field("location");
  if (out.location.empty() && structured != nullptr) out.location = structured->locality;
  out.posted = structured != nullptr && !structured->date_posted.empty() ? structured->date_posted
                                                                         : field("posted");
  out.salary = field("salary");
  out.company = field("company");
  out.contact = field("contact");

  // Match over the whole visible text: a selector for the body narrows what
  // is shown, but contacts often sit outside it (a sidebar "call me" box).
  out.text = page.text;
  if (boilerplate != nullptr) {
    if (mode == ChromeMode::kLearnAndExclude) {
      boilerplate->Learn(page.text_blocks, ContactsOf(page.text, options_.phone_region), false);
    }
    // The site's chrome is not the advert: drop its blocks before matching.
    std::string kept;
    kept.reserve(page.text.size());
    for (const std::string& block : page.text_blocks) {
      if (boilerplate->IsBoilerplateBlock(block)) continue;
      if (!kept.empty()) kept += '\n';
      kept += block;
    }
    out.text = std::move(kept);
  }
  auto is_chrome = [&](const std::string& contact) {
    return boilerplate != nullptr && boilerplate->IsBoilerplateContact(contact);
  };
  if (structured != nullptr && !structured->description.empty() &&
      out.text.find(structured->description.substr(0, 40)) == std::string::npos) {
    out.text += "\n" + structured->description;
  }
  // Fields read from a script, or kept out as chrome, are still the
  // advert's own words: a body or contact box the text lacks is matched too.
  for (const std::string& own : {field("body"), out.contact}) {
    if (!own.empty() && out.text.find(own) == std::string::npos) out.text += "\n" + own;
  }
  std::string matched_text = out.title + "\n" + out.text;
  // Every finder matches the same folded text: fold it once.
  const NormalizedText norm = NormalizeForMatching(matched_text);

  std::set<std::string> seen;
  for (const PhoneMatch& p : FindPhones(matched_text, norm, options_.phone_region)) {
    if (is_chrome(p.e164)) continue;
    if (seen.insert(p.e164).second) out.phones.push_back({p.e164, p.match, p.obfuscated});
  }
  if (structured != nullptr && !structured->telephone.empty()) {
    for (const PhoneMatch& p : FindPhones(structured->telephone, options_.phone_region)) {
      if (seen.insert(p.e164).second) out.phones.push_back({p.e164, p.match, p.obfuscated});
    }
  }
  for (HandleMatch& h : FindHandles(matched_text, norm, out.links, options_.phone_region)) {
    if (is_chrome(h.handle) || !seen.insert(h.handle).second) continue;
    // "whatsapp:+447700900123": the number is a phone of the advert too.
    const size_t colon = h.handle.find(':');
    if (colon != std::string::npos && h.handle.compare(colon + 1, 1, "+") == 0) {
      std::string e164 = h.handle.substr(colon + 1);
      if (!is_chrome(e164) && seen.insert(e164).second) out.phones.push_back({e164, h.match, false});
    }
    out.handles.push_back({std::move(h.handle), std::move(h.match), h.from_link});
  }
  for (const EmailMatch& e : FindEmails(matched_text, norm)) {
    if (is_chrome(e.email)) continue;
    if (seen.insert(e.email).second) out.emails.push_back({e.email, e.match, e.obfuscated});
  }
  for (const PostcodeMatch& pc : FindPostcodes(matched_text, norm)) {
    if (seen.insert(pc.postcode).second) out.postcodes.push_back(pc.postcode);
  }
  if (structured != nullptr && !structured->postal_code.empty()) {
    for (const PostcodeMatch& pc : FindPostcodes(structured->postal_code)) {
      if (seen.insert(pc.postcode).second) out.postcodes.push_back(pc.postcode);
    }
  }
  for (const AddressMatch& a : FindStreetAddresses(matched_text, norm)) {
    if (seen.insert(a.address).second) out.addresses.push_back(a.address);
  }
  if (options_.gazetteer != nullptr) {
    out.towns = TownsForAdvert(*options_.gazetteer, out.location, matched_text, out.postcodes);
  } else if (!out.location.empty()) {
    out.towns.push_back(out.location);
  }
  if (out.towns.empty() && !options_.default_town.empty())
    out.towns.push_back(options_.default_town);
  if (options_.kind == "adult") {
    AdultFields adult = ExtractAdultFields(matched_text);
    out.ages = std::move(adult.ages);
    out.prices = std::move(adult.prices);
  }
  std::set<std::string> pay_seen;  // the same offer is often repeated on one page
  if (!out.salary.empty()) {
    PayContext salary_field;
    salary_field.in_salary_field = true;
    salary_field.default_currency = options_.currency;
    for (PayMatch& p : FindPay(out.salary, salary_field)) {
      if (pay_seen.insert(p.match).second) {
        out.pay.push_back(MovePayFields<ExtractedPay>(std::move(p)));
      }
    }
  }
  for (PayMatch& p : FindPay(matched_text, norm)) {
    if (pay_seen.insert(p.match).second) {
      out.pay.push_back(MovePayFields<ExtractedPay>(std::move(p)));
    }
  }

  if (patterns_ != nullptr) out.indicators = patterns_->Match(matched_text, options_.kind);

  // Hiding a contact is itself a sign: an obscured phone number predicted
  // trafficking in adverts with known outcomes (JRSA 2024).
  for (const auto& phone : out.phones) {
    if (!phone.obfuscated) continue;
    out.indicators.push_back(
        {options_.kind + ".obfuscated_contact", "obscured_contact", 1.5, phone.match, 0});
    break;
  }
  if (out.indicators.empty() || out.indicators.back().category != "obscured_contact") {
    for (const auto& email : out.emails) {
      if (!email.obfuscated) continue;
      out.indicators.push_back(
          {options_.kind + ".obfuscated_contact", "obscured_contact", 1.5, email.match, 0});
      break;
    }
  }

  // Pay below the legal minimum (National Living Wage; GLAA and ILO: wages
  // withheld or below the legal minimum). The advert's date picks the rate;
  // a range is judged by its lower bound, which `hourly` is.
  if (options_.kind == "jobs") {
    std::optional<double> rate = impl_->minimum_wage.RateOn(IsoDay(out.posted, today));
    if (rate) {
      for (const ExtractedPay& p : out.pay) {
        if (JudgedAgainstUkMinimum(p) && *p.hourly < *rate) {
          out.indicators.push_back(
              {"jobs.pay_below_minimum_wage", "pay_below_minimum_wage", 3.0,
               p.match + " (£" + FormatMoney(*p.hourly) + "/h < £" + FormatMoney(*rate) + "/h)",
               0});
          break;
        }
      }
    }
  }
  return out;
}

}  // namespace plainsight
