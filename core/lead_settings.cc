#include "core/lead_settings.h"

namespace plainsight {

const SettingKeys<LeadSettings>& LeadSettingKeys() {
  using S = LeadSettings;
  constexpr double kMany = 100000000;
  static const SettingKeys<S> keys = {
      {"min_score", &S::min_score},
      {"single_advert_min_score", &S::single_advert_min_score},
      {"boilerplate_share", &S::boilerplate_share},
      {"boilerplate_min_adverts", &S::boilerplate_min_adverts, 1, 1000000},
      {"hub_max_adverts", &S::hub_max_adverts, 2, kMany},
      {"hub_multi_site_adverts", &S::hub_multi_site_adverts, 2, kMany},
      {"hub_min_sites", &S::hub_min_sites, 2, 100000},
      {"image_hub_contacts", &S::image_hub_contacts, 1, 100000},
      {"max_lead_adverts", &S::max_lead_adverts, 2, kMany},
      {"weight_shared_phone", &S::weight_shared_phone},
      {"weight_shared_email", &S::weight_shared_email},
      {"weight_shared_postcode", &S::weight_shared_postcode},
      {"weight_multi_site", &S::weight_multi_site},
      {"weight_multi_town", &S::weight_multi_town},
      {"weight_recruitment_link", &S::weight_recruitment_link},
      {"phone_many_adverts", &S::phone_many_adverts, 2, 1000000},
      {"weight_phone_many_adverts", &S::weight_phone_many_adverts},
      {"weight_many_personas", &S::weight_many_personas},
      {"movement_days", &S::movement_days, 1, 3650},
      {"weight_movement", &S::weight_movement},
      {"posting_rate_per_day", &S::posting_rate_per_day},
      {"weight_posting_rate", &S::weight_posting_rate},
      {"consecutive_phone_window", &S::consecutive_phone_window, 0, 999},
      {"consecutive_block_max_phones", &S::consecutive_block_max_phones, 2, 1000},
      {"weight_consecutive_phones", &S::weight_consecutive_phones},
      {"near_duplicate_threshold", &S::near_duplicate_threshold, 0, 1},
      {"weight_template", &S::weight_template},
      {"template_rotating_phones", &S::template_rotating_phones, 2, 1000000},
      {"weight_template_rotating_phones", &S::weight_template_rotating_phones},
      {"jobs_at_address_min", &S::jobs_at_address_min, 2, 1000000},
      {"weight_jobs_at_address", &S::weight_jobs_at_address},
      {"removal_days", &S::removal_days, 0, 3650},
      {"weight_quick_removal", &S::weight_quick_removal},
      {"weight_combination", &S::weight_combination},
      {"no_risk_max_points", &S::no_risk_max_points},
      {"template_common_share", &S::template_common_share, 0, 1},
      {"template_common_min_writers", &S::template_common_min_writers, 2, 1000000},
      {"incremental", &S::incremental},
  };
  return keys;
}

}  // namespace plainsight
