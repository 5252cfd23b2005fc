#include "crawler/page_meta.h"

#include <nlohmann/json.hpp>

namespace plainsight {

std::string EncodePageMeta(const PageMeta& meta) {
  nlohmann::json j = {{"status", meta.status},
                      {"fetched_at", meta.fetched_at},
                      {"etag", meta.etag},
                      {"last_modified", meta.last_modified}};
  if (!meta.advert_url.empty()) j["advert_url"] = meta.advert_url;
  return j.dump();
}

std::optional<PageMeta> DecodePageMeta(const std::string& bytes) {
  try {
    const nlohmann::json j = nlohmann::json::parse(bytes);
    if (!j.is_object()) return std::nullopt;
    PageMeta meta;
    meta.status = j.value("status", 0L);
    meta.fetched_at = j.value("fetched_at", std::int64_t{0});
    meta.etag = j.value("etag", "");
    meta.last_modified = j.value("last_modified", "");
    meta.advert_url = j.value("advert_url", "");
    return meta;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace plainsight
