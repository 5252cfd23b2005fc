#include "patterns/pack_parser.h"

#include <cmath>
#include <exception>
#include <sstream>
#include <utility>

#include <toml++/toml.h>

#include "core/strings.h"

namespace plainsight {
namespace {

constexpr double kMaxWeight = 10.0;

std::string Where(const std::string& source, int64_t line) {
  return source + ":" + std::to_string(line) + ": ";
}

int LineOf(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

bool IsWordChar(char c) { return IsAsciiLower(c) || IsAsciiDigit(c) || c == '_'; }

// [a-z0-9_]+
bool IsWord(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsWordChar(c)) return false;
  }
  return true;
}

// word(.word)+ : the pack prefix plus a name, e.g. "jobs.fees_upfront".
bool IsDottedId(std::string_view s) {
  size_t dots = 0;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '.') {
      if (!IsWord(s.substr(start, i - start))) return false;
      if (i < s.size()) ++dots;
      start = i + 1;
    }
  }
  return dots > 0;
}

// `text` in double quotes. Built by appending: GCC 12 at -O3 reports a false
// -Wrestrict for `"\"" + std::string(text)` (GCC bug 105651).
std::string Quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

std::string FormatNumber(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

// Reads one [[indicator]] table; `prefix` grows from "indicator #N: " to
// "indicator ID: " once the id is known so later errors name it.
class IndicatorReader {
 public:
  IndicatorReader(const toml::table& table, const std::string& source, size_t ordinal)
      : table_(table),
        where_(Where(source, LineOf(table))),
        prefix_(where_ + "indicator #" + std::to_string(ordinal) + ": ") {
    indicator_.file = source;
    indicator_.line = LineOf(table);
  }

  Status Read(Indicator* out) {
    Status s = ReadId();
    if (!s.ok()) return s;
    for (auto&& [key, value] : table_) {
      (void)value;
      if (!IsKnownKey(key.str())) {
        return Error("unknown key \"" + std::string(key.str()) + "\"");
      }
    }
    if (!(s = ReadKinds()).ok()) return s;
    if (!(s = ReadCategory()).ok()) return s;
    if (!(s = ReadWeight()).ok()) return s;
    if (!(s = ReadString("pattern", /*required=*/true, &indicator_.pattern)).ok()) return s;
    if (indicator_.pattern.empty()) return Error("\"pattern\" is empty");
    if (!(s = ReadString("unless", /*required=*/false, &indicator_.unless)).ok()) return s;
    if (!(s = ReadStrings("examples", /*required=*/false, &indicator_.examples)).ok()) return s;
    if (!(s = ReadStrings("counter_examples", false, &indicator_.counter_examples)).ok()) {
      return s;
    }
    *out = std::move(indicator_);
    return Status::OK();
  }

 private:
  static bool IsKnownKey(std::string_view key) {
    static constexpr std::string_view kKeys[] = {"id",      "kinds",  "category",
                                                 "weight",  "pattern", "unless",
                                                 "examples", "counter_examples"};
    for (std::string_view known : kKeys) {
      if (key == known) return true;
    }
    return false;
  }

  Status Error(const std::string& what) const { return Status::InvalidArgument(prefix_ + what); }
  Status Missing(std::string_view key) const {
    return Error("missing key \"" + std::string(key) + "\"");
  }

  Status ReadId() {
    Status s = ReadString("id", /*required=*/true, &indicator_.id);
    if (!s.ok()) return s;
    if (!IsDottedId(indicator_.id)) {
      return Error("bad id \"" + indicator_.id +
                   "\" (want lowercase dotted words, e.g. jobs.fees_upfront)");
    }
    prefix_ = where_ + "indicator " + indicator_.id + ": ";
    return Status::OK();
  }

  Status ReadKinds() {
    Status s = ReadStrings("kinds", /*required=*/true, &indicator_.kinds);
    if (!s.ok()) return s;
    if (indicator_.kinds.empty()) return Error("\"kinds\" is empty");
    for (size_t i = 0; i < indicator_.kinds.size(); ++i) {
      const std::string& kind = indicator_.kinds[i];
      if (!IsIndicatorKind(kind)) {
        return Error("unknown kind \"" + kind + "\" (want \"jobs\" or \"adult\")");
      }
      for (size_t j = 0; j < i; ++j) {
        if (indicator_.kinds[j] == kind) return Error("kind \"" + kind + "\" listed twice");
      }
    }
    return Status::OK();
  }

  Status ReadCategory() {
    Status s = ReadString("category", /*required=*/true, &indicator_.category);
    if (!s.ok()) return s;
    if (!IsWord(indicator_.category)) {
      return Error("bad category \"" + indicator_.category +
                   "\" (want lowercase words joined by _)");
    }
    return Status::OK();
  }

  Status ReadWeight() {
    const toml::node* node = table_.get("weight");
    if (node == nullptr) return Missing("weight");
    // TOML keeps 2 and 2.0 apart; a weight may be written either way.
    if (const auto* f = node->as_floating_point()) {
      indicator_.weight = f->get();
    } else if (const auto* i = node->as_integer()) {
      indicator_.weight = static_cast<double>(i->get());
    } else {
      return Error("\"weight\" must be a number");
    }
    if (!std::isfinite(indicator_.weight) || indicator_.weight <= 0 ||
        indicator_.weight > kMaxWeight) {
      return Error("weight " + FormatNumber(indicator_.weight) + " out of range (want > 0 and <= " +
                   FormatNumber(kMaxWeight) + ")");
    }
    return Status::OK();
  }

  Status ReadString(std::string_view key, bool required, std::string* out) const {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return required ? Missing(key) : Status::OK();
    const auto* str = node->as_string();
    if (str == nullptr) return Error(Quoted(key) + " must be a string");
    *out = str->get();
    return Status::OK();
  }

  Status ReadStrings(std::string_view key, bool required, std::vector<std::string>* out) const {
    const toml::node* node = table_.get(key);
    if (node == nullptr) return required ? Missing(key) : Status::OK();
    const auto* array = node->as_array();
    Status wrong = Error(Quoted(key) + " must be an array of strings");
    if (array == nullptr) return wrong;
    out->clear();
    for (const toml::node& element : *array) {
      const auto* str = element.as_string();
      if (str == nullptr) return wrong;
      out->push_back(str->get());
    }
    return Status::OK();
  }

  const toml::table& table_;
  const std::string where_;
  std::string prefix_;
  Indicator indicator_;
};

}  // namespace

bool IsIndicatorKind(std::string_view kind) {
  for (std::string_view known : kIndicatorKinds) {
    if (kind == known) return true;
  }
  return false;
}

Status ParsePack(std::string_view toml_text, const std::string& source_name,
                 std::vector<Indicator>* out) {
  toml::table root;
  try {
    root = toml::parse(toml_text, std::string_view(source_name));
  } catch (const toml::parse_error& e) {
    return Status::InvalidArgument(Where(source_name, e.source().begin.line) +
                                   "bad TOML: " + std::string(e.description()));
  } catch (const std::exception& e) {
    return Status::InvalidArgument(Where(source_name, 1) + "bad TOML: " + e.what());
  }

  for (auto&& [key, value] : root) {
    if (key.str() != "indicator") {
      return Status::InvalidArgument(Where(source_name, LineOf(value)) +
                                     "unknown top-level key \"" + std::string(key.str()) +
                                     "\" (a pack holds only [[indicator]] tables)");
    }
  }
  const toml::node* node = root.get("indicator");
  if (node == nullptr) {
    return Status::InvalidArgument(Where(source_name, 1) + "no [[indicator]] tables");
  }
  const toml::array* tables = node->as_array();
  if (tables == nullptr || !tables->is_array_of_tables()) {
    return Status::InvalidArgument(Where(source_name, LineOf(*node)) +
                                   "\"indicator\" must be an array of tables ([[indicator]])");
  }
  size_t ordinal = 0;
  for (const toml::node& element : *tables) {
    ++ordinal;
    Indicator indicator;
    Status s = IndicatorReader(*element.as_table(), source_name, ordinal).Read(&indicator);
    if (!s.ok()) return s;
    out->push_back(std::move(indicator));
  }
  return Status::OK();
}

}  // namespace plainsight
