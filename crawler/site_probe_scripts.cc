#include "crawler/site_probe_scripts.h"

#include <re2/re2.h>

#include <nlohmann/json.hpp>
#include <set>

#include "core/strings.h"

namespace plainsight {
namespace {

using nlohmann::json;

bool IsPlainKey(const std::string& key) {
  return !key.empty() && key.find_first_of(".#") == std::string::npos;
}

bool LooksLikeMoney(const json& object) {
  static const char* kKeys[] = {"min", "max", "minValue", "maxValue", "minimum", "maximum",
                                "from", "to", "salaryMin", "salaryMax", "value"};
  for (const char* key : kKeys) {
    auto it = object.find(key);
    if (it != object.end() && (it->is_number() || it->is_string())) return true;
  }
  return false;
}

struct Walker {
  std::string name;
  std::vector<std::string> keys;
  std::vector<std::vector<std::string>>* paths;
  std::size_t limit;

  void Walk(const json& value, int depth) {
    if (paths->size() >= limit || depth > 10) return;
    if (value.is_object()) {
      if (!keys.empty() && LooksLikeMoney(value)) paths->push_back(keys);
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!IsPlainKey(it.key())) continue;
        keys.push_back(it.key());
        Walk(it.value(), depth + 1);
        keys.pop_back();
      }
    } else if (value.is_array()) {
      if (value.empty()) return;
      keys.emplace_back("0");
      Walk(value.front(), depth + 1);
      keys.pop_back();
    } else if ((value.is_string() || value.is_number()) && !keys.empty()) {
      paths->push_back(keys);
    }
  }
};

bool IsJsonLd(const ScriptBlock& script) {
  return ToLowerAscii(script.type).find("ld+json") != std::string::npos;
}

}  // namespace

std::vector<ScriptValue> ListScriptValues(const std::vector<ScriptBlock>& scripts,
                                          std::size_t limit) {
  static const RE2 kAssignment(R"(((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*=\s*[\[{])");
  std::vector<ScriptValue> out;
  std::set<std::string> seen;
  for (const ScriptBlock& script : scripts) {
    if (IsJsonLd(script)) continue;
    // name -> the JSON text it holds
    std::vector<std::pair<std::string, std::string_view>> sources;
    std::string_view text = script.text;
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (!script.id.empty() && first != std::string_view::npos &&
        (text[first] == '{' || text[first] == '[')) {
      sources.emplace_back(script.id, text.substr(first));
    } else {
      re2::StringPiece rest(text.data(), text.size());
      std::string name;
      while (RE2::FindAndConsume(&rest, kAssignment, &name)) {
        std::size_t open = static_cast<std::size_t>(rest.data() - text.data()) - 1;
        std::size_t end = EndOfJsonValue(text, open);
        if (end == std::string_view::npos) continue;
        sources.emplace_back(name, text.substr(open, end - open));
        rest = re2::StringPiece(text.data() + end, text.size() - end);
      }
    }
    for (const auto& [name, json_text] : sources) {
      json value = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
      if (value.is_discarded()) continue;
      std::vector<std::vector<std::string>> paths;
      Walker walker{name, {}, &paths, limit};
      walker.Walk(value, 0);
      for (const auto& keys : paths) {
        if (out.size() >= limit) return out;
        std::string spec = std::string(kScriptFieldPrefix) + name + "#";
        for (std::size_t i = 0; i < keys.size(); ++i) spec += (i ? "." : "") + keys[i];
        if (!seen.insert(spec).second) continue;
        auto path = ParseScriptFieldPath(spec);
        if (!path.ok()) continue;
        auto read = ReadScriptField(scripts, *path);
        if (!read) continue;
        out.push_back({spec, keys, *read});
      }
    }
  }
  return out;
}

}  // namespace plainsight
