#include "crawler/robots_cache.h"

#include <nlohmann/json.hpp>

#include "store/meta_keys.h"

namespace plainsight {
namespace {

std::string Key(const std::string& origin) { return meta_keys::kRobots + origin; }

}  // namespace

std::optional<CachedRobots> LoadCachedRobots(const Store& store, const std::string& origin,
                                             std::int64_t now) {
  auto value = store.GetMeta(Key(origin));
  if (!value.ok() || !value->has_value()) return std::nullopt;
  try {
    auto j = nlohmann::json::parse(**value);
    CachedRobots robots{j.at("fetched_at").get<std::int64_t>(), j.at("status").get<long>(),
                        j.at("body").get<std::string>()};
    if (now - robots.fetched_at >= kRobotsCacheSeconds || now < robots.fetched_at) return std::nullopt;
    return robots;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // a damaged entry is simply refetched
  }
}

void SaveCachedRobots(Store& store, const std::string& origin, const CachedRobots& robots) {
  if (robots.status < 200 || robots.status >= 500) return;
  nlohmann::json j = {{"fetched_at", robots.fetched_at}, {"status", robots.status},
                      {"body", robots.body}};
  (void)store.PutMeta(Key(origin), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace plainsight
