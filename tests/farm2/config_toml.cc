#include "tests/farm2/config_toml.h"

#include <fstream>

#include "core/regex_escape.h"

namespace plainsight::farm2 {
namespace {

// A TOML basic string.
std::string Quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// A TOML literal string: regexes keep their backslashes as written.
std::string Literal(const std::string& text) { return "'" + text + "'"; }

std::string RegexList(const std::string& base, const std::vector<std::string>& paths) {
  std::string out = "[";
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (i) out += ", ";
    out += Literal("^" + EscapeRegex(base) + paths[i] + "$");
  }
  return out + "]";
}

}  // namespace

ConfigOptions WithDefaults(ConfigOptions options) {
  if (options.gazetteer_path.empty())
    options.gazetteer_path = PLAINSIGHT_SOURCE_DIR "/config/gazetteer.tsv";
  if (options.pattern_paths.empty())
    options.pattern_paths = {PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml",
                             PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"};
  return options;
}

std::string ConfigToml(const Farm2& farm, const ConfigOptions& given) {
  const ConfigOptions options = WithDefaults(given);
  std::string out = "gazetteer = " + Quoted(options.gazetteer_path) + "\n\n";
  out += "[store]\npath = " + Quoted(options.store_path) + "\n\n";
  out += "[crawl]\nuser_agent = \"plainsight-farm2-test/1.0 (+https://example.org/farm2)\"\n"
         "per_host_delay_ms = " + std::to_string(options.per_host_delay_ms) + "\n"
         "allow_private_addresses = true\nrespect_robots = true\ntimeout_ms = 10000\n\n";
  for (const std::string& path : options.pattern_paths)
    out += "[[patterns]]\npath = " + Quoted(path) + "\n\n";
  for (int s = 0; s < farm.site_count(); ++s) {
    const SiteLayout& layout = farm.layout(s);
    const std::string base = farm.base_url(s);
    out += "[[sites]]\nname = " + Quoted(layout.info().name) + "\nkind = " +
           Quoted(layout.info().kind == Kind::kAdult ? "adult" : "jobs") + "\nseeds = [" +
           Quoted(base + layout.ListingTarget(1)) + "]\nfollow = " +
           RegexList(base, layout.FollowPathPatterns()) + "\nadverts = " +
           RegexList(base, layout.AdvertPathPatterns()) +
           "\nmax_depth = " + std::to_string(options.max_depth) + "\n";
    const auto fields = layout.FieldSelectors();
    if (!fields.empty()) {
      out += "  [sites.fields]\n";
      for (const auto& [field, selector] : fields) out += "  " + field + " = " + Quoted(selector) + "\n";
    }
    out += "\n";
  }
  return out;
}

Status WriteConfig(const Farm2& farm, const ConfigOptions& options, const std::string& path) {
  std::ofstream out(path);
  out << ConfigToml(farm, options);
  if (!out) return Status::IoError("cannot write " + path);
  return Status::OK();
}

}  // namespace plainsight::farm2
