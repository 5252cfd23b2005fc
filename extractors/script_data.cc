#include "extractors/script_data.h"

#include <algorithm>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/strings.h"

namespace plainsight {
namespace {

using nlohmann::json;

bool IsIdentifierChar(char c) { return IsAsciiAlnum(c) || c == '_' || c == '$'; }

// JSON's whitespace (RFC 8259 section 2): IsAsciiSpace less \f. Only this
// may stand between a name, its '=' and the JSON value assigned to it.
bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Every JSON value the script assigns or pushes to `name`, in order.
std::vector<json> ValuesAssignedTo(std::string_view text, std::string_view name) {
  std::vector<json> values;
  for (size_t at = text.find(name); at != std::string_view::npos;
       at = text.find(name, at + 1)) {
    if (at > 0 && IsIdentifierChar(text[at - 1])) continue;
    size_t i = at + name.size();
    if (i < text.size() && IsIdentifierChar(text[i])) continue;
    while (i < text.size() && IsJsonSpace(text[i])) ++i;
    if (text.substr(i, 6) == ".push(") {
      i += 6;
    } else if (i < text.size() && text[i] == '=' && text.substr(i, 2) != "==") {
      ++i;
    } else {
      continue;
    }
    while (i < text.size() && IsJsonSpace(text[i])) ++i;
    if (i >= text.size() || (text[i] != '{' && text[i] != '[')) continue;
    size_t end = EndOfJsonValue(text, i);
    if (end == std::string_view::npos) continue;
    json value = json::parse(text.substr(i, end - i), nullptr, /*allow_exceptions=*/false);
    if (!value.is_discarded()) values.push_back(std::move(value));
  }
  return values;
}

const json* Find(const json& value, const std::vector<std::string>& keys, size_t k) {
  if (k == keys.size()) return &value;
  const std::string& key = keys[k];
  if (value.is_object()) {
    auto it = value.find(key);
    return it == value.end() ? nullptr : Find(*it, keys, k + 1);
  }
  if (!value.is_array()) return nullptr;
  if (!key.empty() && std::all_of(key.begin(), key.end(), IsAsciiDigit)) {
    size_t index = std::strtoul(key.c_str(), nullptr, 10);
    return index < value.size() ? Find(value[index], keys, k + 1) : nullptr;
  }
  for (const json& element : value) {
    if (const json* found = Find(element, keys, k)) return found;
  }
  return nullptr;
}

std::string ScalarText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return "";
}

const json* FirstOf(const json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto it = object.find(key);
    if (it != object.end() && !it->is_null()) return &*it;
  }
  return nullptr;
}

void JoinValues(const json& value, std::string* out) {
  if (value.is_object() || value.is_array()) {
    for (const json& element : value) JoinValues(element, out);
    return;
  }
  std::string text = ScalarText(value);
  if (text.empty()) return;
  if (!out->empty()) *out += ' ';
  *out += text;
}

// A salary object as people write one: "11.44 - 12.5 per hour".
std::optional<std::string> SalaryText(const json& object) {
  const json* low = FirstOf(object, {"min", "minValue", "minimum", "from", "min_salary",
                                     "salaryMin", "salary_min", "value"});
  const json* high = FirstOf(object, {"max", "maxValue", "maximum", "to", "max_salary",
                                      "salaryMax", "salary_max"});
  if (low == nullptr && high == nullptr) return std::nullopt;
  std::string text;
  if (const json* currency = FirstOf(object, {"currency", "currencyCode", "currency_code"})) {
    std::string code = ScalarText(*currency);
    if (code == "GBP") text = "£";
    if (code == "EUR") text = "€";
    if (code == "USD") text = "$";
  }
  const std::string sign = text;
  if (low != nullptr) text += ScalarText(*low);
  if (low != nullptr && high != nullptr) text += " - " + sign;
  if (high != nullptr) text += ScalarText(*high);
  if (const json* unit = FirstOf(object, {"unit", "unitText", "period", "per", "interval",
                                          "frequency", "salaryType", "salary_period"})) {
    std::string per = ToLowerAscii(ScalarText(*unit));
    if (per == "hourly") per = "hour";
    if (per == "daily") per = "day";
    if (per == "weekly") per = "week";
    if (per == "monthly") per = "month";
    if (per == "yearly" || per == "annual" || per == "annually") per = "year";
    if (!per.empty()) text += " per " + per;
  }
  return text;
}

std::optional<std::string> ValueText(const json& value) {
  if (value.is_null()) return std::nullopt;
  if (!value.is_object() && !value.is_array()) return ScalarText(value);
  if (value.is_object()) {
    if (auto salary = SalaryText(value)) return salary;
  }
  std::string joined;
  JoinValues(value, &joined);
  return joined;
}

}  // namespace

bool IsScriptFieldPath(std::string_view spec) {
  return spec.substr(0, kScriptFieldPrefix.size()) == kScriptFieldPrefix;
}

Result<ScriptFieldPath> ParseScriptFieldPath(std::string_view spec) {
  const std::string quoted = "\"" + std::string(spec) + "\"";
  if (!IsScriptFieldPath(spec)) {
    return Status::InvalidArgument("script field " + quoted + " must start with \"script:\"");
  }
  std::string_view rest = spec.substr(kScriptFieldPrefix.size());
  size_t hash = rest.find('#');
  if (hash == std::string_view::npos || hash == 0 || hash + 1 == rest.size()) {
    return Status::InvalidArgument("script field " + quoted +
                                   " must read script:NAME#path.to.value");
  }
  ScriptFieldPath path;
  path.script = std::string(rest.substr(0, hash));
  for (char c : path.script) {
    if (!IsIdentifierChar(c) && c != '.' && c != '-') {
      return Status::InvalidArgument("script field " + quoted + ": '" + std::string(1, c) +
                                     "' cannot be in a script name");
    }
  }
  std::string_view keys = rest.substr(hash + 1);
  size_t start = 0;
  while (start <= keys.size()) {
    size_t dot = keys.find('.', start);
    if (dot == std::string_view::npos) dot = keys.size();
    if (dot == start) {
      return Status::InvalidArgument("script field " + quoted + " has an empty path step");
    }
    path.keys.emplace_back(keys.substr(start, dot - start));
    start = dot + 1;
  }
  return path;
}

std::optional<std::string> ReadScriptField(const std::vector<ScriptBlock>& scripts,
                                           const ScriptFieldPath& path) {
  // "window.X" is assigned as "window.X = " or, at the top level, "X = ".
  std::string_view bare = path.script;
  if (bare.substr(0, 7) == "window.") bare.remove_prefix(7);
  for (const ScriptBlock& script : scripts) {
    std::vector<json> values;
    if (!script.id.empty() && (script.id == path.script || script.id == bare)) {
      json whole = json::parse(script.text, nullptr, /*allow_exceptions=*/false);
      if (!whole.is_discarded()) values.push_back(std::move(whole));
    } else if (script.text.find(bare) != std::string::npos) {
      values = ValuesAssignedTo(script.text, bare);
    }
    for (const json& value : values) {
      if (const json* found = Find(value, path.keys, 0)) {
        if (auto text = ValueText(*found)) return text;
      }
    }
  }
  return std::nullopt;
}

std::size_t EndOfJsonValue(std::string_view text, std::size_t start) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = start; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth == 0) return i + 1;
    }
  }
  return std::string_view::npos;
}

}  // namespace plainsight
