#include "core/place_settings.h"

namespace plainsight {

const SettingKeys<PlaceSettings>& PlaceSettingKeys() {
  using S = PlaceSettings;
  static const SettingKeys<S> keys = {
      {"min_score", &S::min_score},
      {"site_address_share", &S::site_address_share, 0, 1},
      {"site_address_min_adverts", &S::site_address_min_adverts, 2, 1000000},
      {"weight_advertiser", &S::weight_advertiser},
      {"max_advertiser_points", &S::max_advertiser_points},
      {"postcode_advertiser_share", &S::postcode_advertiser_share, 0, 1},
      {"weight_accommodation", &S::weight_accommodation},
      {"weight_accommodation_more", &S::weight_accommodation_more},
      {"max_accommodation_points", &S::max_accommodation_points},
      {"weight_incall", &S::weight_incall},
      {"weight_incall_more", &S::weight_incall_more},
      {"max_incall_points", &S::max_incall_points},
      {"weight_both_kinds", &S::weight_both_kinds},
      {"weight_indicator_category", &S::weight_indicator_category},
      {"max_indicator_points", &S::max_indicator_points},
      {"weight_lead", &S::weight_lead},
      {"max_lead_points", &S::max_lead_points},
      {"weight_pickup", &S::weight_pickup},
      {"weight_pickup_more", &S::weight_pickup_more},
      {"max_pickup_points", &S::max_pickup_points},
      {"early_pickup_hour", &S::early_pickup_hour, 0, 23},
      {"weight_early_pickup", &S::weight_early_pickup},
      {"long_use_days", &S::long_use_days, 1, 36500},
      {"weight_long_use", &S::weight_long_use},
      {"no_risk_max_points", &S::no_risk_max_points},
      {"hub_min_advertisers", &S::hub_min_advertisers, 2, 1000000},
  };
  return keys;
}

}  // namespace plainsight
