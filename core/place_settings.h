// PlaceSettings: the [places] table, how `plainsight places` ranks the
// addresses, postcodes and pick-up points adverts name. Plain value; share
// read-only. The points and their sources: docs/places.md.
#pragma once

#include "core/setting_key.h"

namespace plainsight {

struct PlaceSettings {
  double min_score = 3.0;  // places below this are not listed by default
  // A place on at least site_address_share of one site's adverts (and on at
  // least site_address_min_adverts of them) is the site's own office or
  // footer address, not a place of concern.
  double site_address_share = 0.5;
  int site_address_min_adverts = 4;
  // Several advertisers (distinct phones, e-mails or employers) giving one
  // address: the police page's "shared addresses", "many workers at one
  // address". Per advertiser after the first, capped.
  double weight_advertiser = 0.75;
  double max_advertiser_points = 3.0;
  // A postcode alone covers about 15 addresses, so its advertisers count at
  // this share: on the real adverts a logistics park's postcode (8 agencies,
  // no street) otherwise listed above min_score.
  double postcode_advertiser_share = 0.5;
  // Job adverts offering accommodation at the place (UK "spot the signs":
  // employer-controlled housing; ILO indicator "degrading living
  // conditions"/dependency on the employer for housing): the first, then
  // each further one, capped.
  double weight_accommodation = 2.0;
  double weight_accommodation_more = 0.5;
  double max_accommodation_points = 4.0;
  // Adult adverts giving the place as their location (incall).
  double weight_incall = 1.0;
  double weight_incall_more = 0.5;
  double max_incall_points = 2.0;
  // The same place in job and adult adverts: living and working at one
  // address (police page; INDICATORS.md "living and working at the same
  // address").
  double weight_both_kinds = 4.0;
  // Per distinct indicator category among the place's adverts, capped.
  double weight_indicator_category = 0.5;
  double max_indicator_points = 2.0;
  // Per lead at or above [leads] min_score holding adverts at the place, capped.
  double weight_lead = 1.0;
  double max_lead_points = 2.0;
  // A pick-up point (police page: "workers driven between premises",
  // "early pick-ups"): the first advert, then each further one, capped; an
  // early pick-up (before early_pickup_hour) adds weight_early_pickup.
  double weight_pickup = 1.0;
  double weight_pickup_more = 0.5;
  double max_pickup_points = 2.5;
  int early_pickup_hour = 6;
  double weight_early_pickup = 1.0;
  // In use over at least long_use_days days between first and last seen.
  int long_use_days = 30;
  double weight_long_use = 0.5;
  // A place with no sign of risk (no accommodation, no adult advert, no
  // indicator, no pick-up, no lead) scores at most this: an employer's own
  // premises advertised with fair pay, however often, stays low.
  double no_risk_max_points = 2.0;
  // With no sign of risk and at least hub_min_advertisers advertisers, the
  // place is a hub (a business park, a recruitment office): shown as such,
  // never above no_risk_max_points.
  int hub_min_advertisers = 5;
};

// Its TOML keys, each listed once with its member and range.
const SettingKeys<PlaceSettings>& PlaceSettingKeys();

}  // namespace plainsight
