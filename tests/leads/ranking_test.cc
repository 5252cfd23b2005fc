// Ranking by risk, not size (issue 12). Groups an analyst should not be
// sent (a family sharing a phone, a national agency with branch phones, a
// legitimate repeat employer) stay below min_score however many adverts
// they hold, and any group with a combination of signs ranks above them.
// Every quoted match names an advert of its own lead.
#include <catch2/catch.hpp>

#include <algorithm>
#include <numeric>
#include <string>
#include <vector>

#include "leads/correlate.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

const IndicatorRecord kNoExperience{"jobs.no_experience_needed", "targeting_vulnerable", 0.5,
                                    "no experience needed"};
const IndicatorRecord kAccommodation{"jobs.accommodation_provided",
                                     "living_and_working_same_address", 1.5,
                                     "accommodation provided"};
const IndicatorRecord kDeductions{"jobs.wage_deductions", "deductions", 2.0,
                                  "rent taken from wages"};
const IndicatorRecord kPickup{"jobs.early_pickup", "early_pickup_long_hours", 1.5,
                              "minibus at 5am"};

Ad JobAd(const std::string& url, const std::string& site, const std::string& town,
         std::vector<std::string> phones, std::vector<std::string> emails,
         std::vector<IndicatorRecord> indicators, const std::string& text) {
  Ad ad;
  ad.url = url;
  ad.site = site;
  ad.kind = "jobs";
  ad.town = town;
  ad.phones = std::move(phones);
  ad.emails = std::move(emails);
  ad.indicators = std::move(indicators);
  ad.title = "Vacancy in " + town;
  ad.text = text + " " + url;
  return ad;
}

double ScoreOf(const std::vector<LeadRecord>& leads, const std::string& url) {
  const LeadRecord* lead = TempStore::LeadWith(leads, url);
  return lead == nullptr ? 0.0 : lead->score;
}

TEST_CASE("Ranking_OrdinaryGroups_BelowMinScore_RiskyGroupAboveThem") {
  TempStore t;
  const char* const kTowns[] = {"Derby", "Luton", "Leicester", "Bedford", "Coventry", "Nottingham"};
  // A national agency: 18 vacancies on two boards, one e-mail, a phone per
  // branch, fair pay, no indicator wording.
  for (int i = 0; i < 18; ++i) {
    t.Put(JobAd("http://example.org/agency/" + std::to_string(i), i % 2 ? "board-a" : "board-b",
                kTowns[i % 6], {"+4416329604" + std::to_string(10 + i % 6)},
                {"jobs@agency.example.org"}, {},
                "Warehouse operative, £13.20 per hour, days or nights, apply online."));
  }
  // A household: a cleaner and a gardener share one phone, one advert says
  // no experience is needed.
  t.Put(JobAd("http://example.org/family/1", "board-a", "Corby", {"+447700900610"}, {},
              {kNoExperience}, "Cleaner wanted two mornings a week, no experience needed."));
  t.Put(JobAd("http://example.org/family/2", "board-b", "Corby", {"+447700900610"}, {}, {},
              "Gardener wanted for a large garden, Saturdays."));
  // A repeat employer: 10 care vacancies, one phone and e-mail, one of them
  // offers accommodation (a live-in post), fair pay.
  for (int i = 0; i < 10; ++i) {
    t.Put(JobAd("http://example.org/care/" + std::to_string(i), "board-a", "Kettering",
                {"+441632960700"}, {"recruit@care.example.com"},
                i == 0 ? std::vector<IndicatorRecord>{kAccommodation}
                       : std::vector<IndicatorRecord>{},
                "Care assistant, £12.90 per hour, paid training and mileage."));
  }
  // The risky group: four vacancies sharing one e-mail with accommodation
  // deducted from wages and an early pick-up.
  for (int i = 0; i < 4; ++i) {
    t.Put(JobAd("http://example.org/risky/" + std::to_string(i), "board-b", "Wellingborough",
                {"+4477009007" + std::to_string(10 + i)}, {"work@labour.example.org"},
                {kAccommodation, kDeductions, kPickup},
                "Factory work, accommodation provided, rent taken from wages, minibus at 5am."));
  }
  // Ordinary adverts, so no group is most of a board (that would be the
  // board's own contact, not a link).
  for (int i = 0; i < 60; ++i) {
    t.Put(JobAd("http://example.org/other/" + std::to_string(i), i % 2 ? "board-a" : "board-b",
                kTowns[i % 6], {"+4420794600" + std::to_string(10 + i)}, {}, {},
                "Ordinary vacancy number " + std::to_string(i) + "."));
  }
  const LeadSettings settings;
  auto summary = Correlate(*t.store, settings, 2000);
  REQUIRE(summary.ok());
  CHECK(summary->boilerplate.empty());
  const auto leads = t.Leads();
  CHECK(TempStore::LeadWith(leads, "http://example.org/agency/0") != nullptr);
  CHECK(TempStore::LeadWith(leads, "http://example.org/care/0") != nullptr);
  const double agency = ScoreOf(leads, "http://example.org/agency/0");
  const double family = ScoreOf(leads, "http://example.org/family/1");
  const double care = ScoreOf(leads, "http://example.org/care/0");
  const double risky = ScoreOf(leads, "http://example.org/risky/0");
  CHECK(agency < settings.min_score);
  CHECK(family < settings.min_score);
  CHECK(care < settings.min_score);
  CHECK(risky >= settings.min_score);
  CHECK(risky > std::max({agency, family, care}));
  for (const LeadRecord& lead : leads) {
    const double sum = std::accumulate(lead.reason_points.begin(), lead.reason_points.end(), 0.0);
    CHECK(lead.score == Approx(sum));
  }
}

TEST_CASE("Ranking_QuotedMatch_IsFromAnAdvertOfTheLead") {
  TempStore t;
  // Two leads match one indicator with different words; each must quote
  // its own (issue 12: three agencies quoted one agency's words).
  const IndicatorRecord kFeesA{"jobs.fees_upfront", "fees_and_debt", 2.5, "registration fee of £50"};
  const IndicatorRecord kFeesB{"jobs.fees_upfront", "fees_and_debt", 2.5, "admin charge before start"};
  for (int i = 0; i < 2; ++i) {
    t.Put(JobAd("http://example.org/a/" + std::to_string(i), "board", "Derby", {"+447700900801"},
                {}, {kFeesA, kAccommodation}, "Packers wanted."));
    t.Put(JobAd("http://example.org/b/" + std::to_string(i), "board", "Luton", {"+447700900901"},
                {}, {kFeesB, kAccommodation}, "Pickers wanted."));
  }
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  const auto leads = t.Leads();
  const LeadRecord* a = TempStore::LeadWith(leads, "http://example.org/a/0");
  const LeadRecord* b = TempStore::LeadWith(leads, "http://example.org/b/0");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(TempStore::HasReason(*a, "\"registration fee of £50\" (A-"));
  CHECK_FALSE(TempStore::HasReason(*a, "admin charge"));
  CHECK(TempStore::HasReason(*b, "\"admin charge before start\" (A-"));
  CHECK_FALSE(TempStore::HasReason(*b, "registration fee"));
}

}  // namespace
}  // namespace plainsight
