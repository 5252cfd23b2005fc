#include "crawler/site_rules.h"

#include <spdlog/spdlog.h>

#include <filesystem>

namespace plainsight {

PageRole SiteRules::Classify(const std::string& url) const {
  for (const auto& re : adverts) {
    if (RE2::FullMatch(url, *re)) return PageRole::kAdvert;
  }
  for (const auto& re : follow) {
    if (RE2::FullMatch(url, *re)) return PageRole::kFollow;
  }
  return PageRole::kNone;
}

Result<std::vector<SiteRules>> CompileSiteRules(const Config& config,
                                                const std::shared_ptr<const PatternSet>& patterns) {
  std::vector<SiteRules> all;
  std::shared_ptr<const Gazetteer> gazetteer;
  if (!config.gazetteer_path.empty() && std::filesystem::exists(config.gazetteer_path)) {
    auto loaded = Gazetteer::Load(config.gazetteer_path);
    if (!loaded.ok()) return loaded.status();
    gazetteer = *loaded;
  } else {
    spdlog::warn("no gazetteer at {}: towns come only from location fields", config.gazetteer_path);
  }
  for (const SiteConfig& site : config.sites) {
    SiteRules rules;
    rules.site = &site;
    std::string where =
        config.source_path + ":" + std::to_string(site.line) + ": site " + site.name;
    auto compile = [&](const std::vector<std::string>& sources,
                       std::vector<std::unique_ptr<RE2>>* out) -> Status {
      for (const std::string& source : sources) {
        auto re = std::make_unique<RE2>(source, RE2::Quiet);
        if (!re->ok()) {
          std::string message = where;
          message += ": bad pattern '" + source + "': ";
          message += re->error();
          return Status::InvalidArgument(message);
        }
        out->push_back(std::move(re));
      }
      return Status::OK();
    };
    Status s = compile(site.follow, &rules.follow);
    if (s.ok()) s = compile(site.adverts, &rules.adverts);
    if (!s.ok()) return s;
    auto extractor =
        AdvertExtractor::Create(ExtractorOptionsForSite(config, site, gazetteer), patterns);
    if (!extractor.ok())
      return Status::InvalidArgument(where + ": " + extractor.status().message());
    rules.extractor = *extractor;
    all.push_back(std::move(rules));
  }
  return all;
}

}  // namespace plainsight
