// LeadSettings: the [leads] table, correlation weights and thresholds.
// Plain value; share read-only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/setting_key.h"

namespace plainsight {

// Correlation weights and thresholds ([leads] table; all optional). Each
// default names its source; INDICATORS.md (/work/shared) summarises them.
// Single indicators are weak (Volodko, Cockbain & Kleinberg 2020: 98.4% of
// job adverts carry one), so a bare shared contact scores below min_score
// and combinations of different signs carry the score (combination term).
struct LeadSettings {
  double min_score = 3.0;                // leads below this are not listed by default
  double single_advert_min_score = 4.0;  // an unlinked advert becomes a lead at this score
  // An entity on at least this share of one site's adverts (and on at least
  // boilerplate_min_adverts of them) is that site's own contact, not a link.
  // The same rule drops a near-duplicate template that most of one site's
  // adverts share (the site's own layout, not one writer).
  double boilerplate_share = 0.5;
  int boilerplate_min_adverts = 4;
  // Hubs: shown, not merged. An entity on more adverts than hub_max_adverts,
  // or on more than hub_multi_site_adverts adverts over at least
  // hub_min_sites sites (a directory or agency switchboard), links nothing.
  int hub_max_adverts = 200;
  int hub_multi_site_adverts = 50;
  int hub_min_sites = 4;
  // A photo (one PDQ cluster) shown under more distinct contacts (phones,
  // e-mails, messaging handles) than this is a stock photo or a site's
  // placeholder, not one controller's picture: a hub. A controller reuses
  // photos while changing numbers, so a few contacts per photo is the very
  // signal; dozens of unrelated advertisers on one picture is not. 5 is a
  // judgment, not a measured value: the farm's planted groups carry 3
  // contacts, its stock photo 8.
  int image_hub_contacts = 5;
  // No lead grows past this: an analyst reviews a lead advert by advert.
  // The broadest strong link of an oversized group (a board's or agency's
  // switchboard) becomes a hub until every part fits (issue 12: a lead of
  // 321 adverts was not reviewable).
  int max_lead_adverts = 50;

  // Bare links: small on purpose (a fair employer reuses its phone).
  double weight_shared_phone = 0.5;  // per extra advert sharing a phone (capped at 5)
  double weight_shared_email = 0.5;
  double weight_shared_postcode = 0.25;  // postcodes and street addresses
  double weight_multi_site = 1.0;        // per extra site (capped at 3)
  double weight_multi_town = 0.5;        // per extra town (capped at 3)

  // Recruitment linkage: one contact on a jobs and an adult advert
  // (Ramchandani, Bastani & Wyatt 2025).
  double weight_recruitment_link = 4.0;
  // One phone in at least phone_many_adverts adverts (Ibanez & Suthers 2014
  // follow circuits by phone across many adverts).
  int phone_many_adverts = 4;
  double weight_phone_many_adverts = 1.5;
  // Several stated ages or names under one phone in adult adverts: one
  // number advertising several people (Ibanez & Suthers 2014; INDICATORS.md
  // "several names or ages").
  double weight_many_personas = 2.0;
  // Movement: one phone in at least 2 towns within movement_days days
  // ("circuits", Ibanez & Suthers 2014).
  int movement_days = 14;
  double weight_movement = 2.0;
  // Posting rate: more than posting_rate_per_day adverts first seen within
  // one day under one contact (Zhou, Peng & Ferrara 2024: posting frequency).
  double posting_rate_per_day = 3.0;
  double weight_posting_rate = 1.5;
  // Consecutive numbers: phones within consecutive_phone_window of each
  // other in one 1000-number block, bought together (INDICATORS.md, adult
  // cross-advert structure). Only blocks holding at most
  // consecutive_block_max_phones seen numbers count: in a crowded block
  // neighbours occur by chance.
  int consecutive_phone_window = 5;
  int consecutive_block_max_phones = 4;
  double weight_consecutive_phones = 2.0;
  // Near-duplicate templates (InfoShield, Lee et al. ICDE 2021). Threshold
  // calibrated in tests/leads/near_duplicates_test.cc (2-word shingles,
  // 42 bands x 3 rows).
  double near_duplicate_threshold = 0.3;
  double weight_template = 1.0;      // per extra advert on one template (capped at 5)
  int template_rotating_phones = 3;  // distinct phones on one template
  double weight_template_rotating_phones = 2.0;
  // Many job adverts at one address or email offering accommodation or
  // transport (police "spot the signs": many workers at one address; GLAA).
  int jobs_at_address_min = 3;
  double weight_jobs_at_address = 3.0;
  // Adverts removed within removal_days of being first seen. No study in
  // INDICATORS.md measures this; the team asked for it (issue 5), so it is
  // weighted lightly and never makes a lead on its own.
  int removal_days = 3;
  double weight_quick_removal = 0.5;
  // Combination term: weight_combination * (k - 1)^2 for k distinct
  // indicator categories plus cross-advert signal kinds (k capped at 8):
  // only combinations separate (Volodko et al. 2020).
  double weight_combination = 0.5;
  // Ranking by risk, not size: a group with no sign of risk (fewer than
  // two indicator categories and no indicator of weight 2 or more, no
  // risky cross-advert signal) scores at most this, below min_score, so an
  // ordinary employer's, a family's or an agency's shared contacts never
  // list on their own (INDICATORS.md: single indicators are weak; only
  // combinations separate).
  double no_risk_max_points = 2.0;
  // Templates by rarity, not house style: a 2-word shingle used by at
  // least template_common_share of a site's sampled writers (adverts with
  // one phone or e-mail count once), and by at least
  // template_common_min_writers of them, is the site's or its trade's
  // common phrasing and is left out of near-duplicate signatures.
  // Calibrated in docs/leads.md.
  double template_common_share = 0.2;
  int template_common_min_writers = 5;
  // Correlate only what the day's changes touch (leads/incremental_run.h),
  // keeping counts and a template index in the store for it; off, every
  // run recomputes every lead. Both give the same leads.
  bool incremental = false;
};

// Its TOML keys, each listed once with its member and range.
const SettingKeys<LeadSettings>& LeadSettingKeys();

}  // namespace plainsight
