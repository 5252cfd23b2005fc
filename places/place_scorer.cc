#include "places/place_scorer.h"

#include <algorithm>
#include <cstdio>

namespace plainsight {
namespace {

std::string FormatPoints(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

std::string Plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The first quote among mentions in `role` ("" for any), as the advert wrote it.
std::string QuoteOf(const PlaceRecord& place, const std::string& role) {
  for (const PlaceMention& mention : place.mentions) {
    if ((role.empty() || mention.role == role) && !mention.quote.empty()) {
      return " (\u201c" + mention.quote + "\u201d, " + mention.advert_id + ")";
    }
  }
  return "";
}

// First, then each further one, capped.
double Graded(std::size_t count, double first, double more, double cap) {
  if (count == 0) return 0;
  return std::min(cap, first + more * static_cast<double>(count - 1));
}

}  // namespace

void ScorePlace(const PlaceFacts& facts, const PlaceSettings& settings, PlaceRecord* place) {
  place->reasons.clear();
  place->reason_points.clear();
  auto add = [&](double points, std::string reason) {
    if (points == 0) return;
    place->reasons.push_back(std::move(reason));
    place->reason_points.push_back(points);
  };

  std::size_t accommodation = 0, incall = 0, pickup = 0, jobs = 0, adult = 0;
  for (const PlaceMention& mention : place->mentions) {
    accommodation += mention.role == "accommodation";
    incall += mention.role == "incall";
    pickup += mention.role == "pick-up";
    jobs += mention.kind == "jobs";
    adult += mention.kind == "adult";
  }

  const std::size_t adverts = place->advert_ids.size();
  if (facts.advertisers >= 2) {
    const bool postcode_only = place->address.empty() && place->role != "pick-up";
    double points = std::min(settings.max_advertiser_points,
                             settings.weight_advertiser * static_cast<double>(facts.advertisers - 1));
    if (postcode_only) points *= settings.postcode_advertiser_share;
    add(points, Plural(adverts, "advert", "adverts") + " from " + std::to_string(facts.advertisers) +
                    " advertisers (distinct phones, e-mails or employers) give this " +
                    (place->role == "pick-up" ? "pick-up point"
                     : postcode_only          ? "postcode (about 15 addresses: counted at a reduced share)"
                                              : "place"));
  }
  add(Graded(accommodation, settings.weight_accommodation, settings.weight_accommodation_more,
             settings.max_accommodation_points),
      Plural(accommodation, "job advert offers", "job adverts offer") + " accommodation here" +
          QuoteOf(*place, "accommodation"));
  add(Graded(incall, settings.weight_incall, settings.weight_incall_more, settings.max_incall_points),
      Plural(incall, "adult advert gives", "adult adverts give") + " it as the location" +
          QuoteOf(*place, "incall"));
  if (jobs > 0 && adult > 0) {
    add(settings.weight_both_kinds,
        "the same place in " + Plural(jobs, "job advert", "job adverts") + " and " +
            Plural(adult, "adult advert", "adult adverts") + ": living and working at one address");
  }
  add(Graded(pickup, settings.weight_pickup, settings.weight_pickup_more, settings.max_pickup_points),
      "pick-up point in " + Plural(pickup, "advert", "adverts") + QuoteOf(*place, "pick-up"));
  std::string earliest;
  for (const std::string& time : place->times) {
    if (earliest.empty() || time < earliest) earliest = time;
  }
  if (!earliest.empty() && std::stoi(earliest.substr(0, 2)) < settings.early_pickup_hour) {
    add(settings.weight_early_pickup, "early pick-up (" + earliest + ")");
  }
  if (!facts.indicator_categories.empty()) {
    std::string list;
    for (const std::string& category : facts.indicator_categories) {
      list += (list.empty() ? "" : ", ") + category;
    }
    add(std::min(settings.max_indicator_points,
                 settings.weight_indicator_category *
                     static_cast<double>(facts.indicator_categories.size())),
        "indicators in its adverts: " + list);
  }
  if (!facts.leads.empty()) {
    std::string list;
    for (const auto& [id, score] : facts.leads) {
      list += (list.empty() ? "" : ", ") + id + " (score " + FormatPoints(score) + ")";
    }
    add(std::min(settings.max_lead_points,
                 settings.weight_lead * static_cast<double>(facts.leads.size())),
        "its adverts are in " + Plural(facts.leads.size(), "lead", "leads") + ": " + list);
  }
  const std::int64_t days = (place->last_seen - place->first_seen) / 86400;
  if (days >= settings.long_use_days) {
    add(settings.weight_long_use, "in use for " + std::to_string(days) + " days");
  }

  double total = 0;
  for (double points : place->reason_points) total += points;
  const bool risk = accommodation > 0 || incall > 0 || pickup > 0 ||
                    !facts.indicator_categories.empty() || !facts.leads.empty();
  place->hub = !risk && facts.advertisers >= static_cast<std::size_t>(settings.hub_min_advertisers);
  if (!risk && total > settings.no_risk_max_points) {
    add(settings.no_risk_max_points - total,
        place->hub ? "a hub: " + std::to_string(facts.advertisers) +
                         " advertisers and no sign of risk (a business park, agency or office); capped at " +
                         FormatPoints(settings.no_risk_max_points)
                   : "no sign of risk (no accommodation, adult advert, pick-up, indicator or lead); capped at " +
                         FormatPoints(settings.no_risk_max_points));
    total = settings.no_risk_max_points;
  }
  place->score = total;
}

}  // namespace plainsight
