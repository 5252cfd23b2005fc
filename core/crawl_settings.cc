#include "core/crawl_settings.h"

#include <limits>

namespace plainsight {

const SettingKeys<CrawlSettings>& CrawlSettingKeys() {
  using S = CrawlSettings;
  static const SettingKeys<S> keys = {
      {"user_agent", &S::user_agent},
      {"concurrency", &S::concurrency, 1, 1024},
      {"per_host_delay_ms", &S::per_host_delay_ms, 0, 3600000},
      {"per_host_connections", &S::per_host_connections, 1, 64},
      {"timeout_ms", &S::timeout_ms, 100, 3600000},
      {"max_body_bytes", &S::max_body_bytes, 1024, static_cast<double>(std::int64_t{1} << 34)},
      {"max_pages", &S::max_pages, 0, std::numeric_limits<int>::max()},
      {"respect_robots", &S::respect_robots},
      {"allow_private_addresses", &S::allow_private_addresses},
      {"max_retries", &S::max_retries, 0, 20},
      {"host_error_budget", &S::host_error_budget, 1, 1000000},
      {"max_crawl_delay_ms", &S::max_crawl_delay_ms, 0, 3600000},
      {"max_url_length", &S::max_url_length, 64, 65536},
      {"max_pages_per_host", &S::max_pages_per_host, 0, std::numeric_limits<int>::max()},
      {"max_barren_listing_pages", &S::max_barren_listing_pages, 1, 1000000},
      {"strip_params", &S::strip_params},
      {"proxy", &S::proxy},
      {"headers", &S::headers},
      {"cookies", &S::cookies},
      {"max_images_per_advert", &S::max_images_per_advert, 0, 1000},
      {"max_images_per_run", &S::max_images_per_run, 0, std::numeric_limits<int>::max()},
      {"max_image_bytes", &S::max_image_bytes, 1024, static_cast<double>(std::int64_t{1} << 34)},
  };
  return keys;
}

}  // namespace plainsight
