#include "core/site_config.h"

namespace plainsight {

const SettingKeys<SiteConfig>& SiteSettingKeys() {
  using S = SiteConfig;
  static const SettingKeys<S> keys = {
      {"name", &S::name},
      {"kind", &S::kind},
      {"seeds", &S::seeds},
      {"follow", &S::follow, 0, 0, /*regex_list=*/true},
      {"adverts", &S::adverts, 0, 0, /*regex_list=*/true},
      {"max_depth", &S::max_depth, 0, 100000},
      {"region", &S::region},
      {"currency", &S::currency},
      {"sitemaps", &S::sitemaps},
      {"recrawl_after_hours", &S::recrawl_after_hours, 0, 100000},
  };
  return keys;
}

const SettingKeys<FieldSelectors>& FieldSelectorKeys() {
  using S = FieldSelectors;
  static const SettingKeys<S> keys = {
      {"title", &S::title},     {"body", &S::body},       {"location", &S::location},
      {"posted", &S::posted},   {"salary", &S::salary},   {"company", &S::company},
      {"contact", &S::contact},
  };
  return keys;
}

}  // namespace plainsight
