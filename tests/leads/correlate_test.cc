// Correlation: links, boilerplate, scores that decompose, stable ids.
#include <catch2/catch.hpp>
#include <numeric>

#include "leads/correlate.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::TempStore;

const IndicatorRecord kAccommodation{"jobs.accommodation_provided", "living_and_working_same_address", 2.0, "Accommodation provided"};
const IndicatorRecord kTransport{"jobs.transport_provided", "controlled_transport", 1.5, "Transport provided"};
const IndicatorRecord kFees{"jobs.fees_upfront", "fees_and_debt", 2.5, "registration fee"};

TEST_CASE("Correlate_SharedPhone_AcrossSitesAndTowns_IsOneLead") {
  TempStore t;
  t.Add("http://a.example.org/ad/1", "site-a", "adult", "Northampton", {"+447700900123"});
  t.Add("http://a.example.org/ad/2", "site-a", "adult", "Kettering", {"+447700900123"});
  t.Add("http://b.example.org/ad/3", "site-b", "adult", "Corby", {"+447700900123"});
  t.Add("http://b.example.org/ad/4", "site-b", "adult", "Corby", {"+447700900555"});
  auto summary = Correlate(*t.store, LeadSettings{}, 2000);
  REQUIRE(summary.ok());
  auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  const LeadRecord& lead = leads[0];
  CHECK(lead.advert_ids.size() == 3);
  CHECK(lead.phones == std::vector<std::string>{"+447700900123"});
  REQUIRE_FALSE(lead.reasons.empty());
  CHECK(lead.reasons[0] == "phone +447700900123 in 3 adverts on 2 sites in 3 towns");
}

TEST_CASE("Correlate_SiteFooterContact_IsNotALink") {
  TempStore t;
  // The site's own phone sits on every advert; each advert has its own too.
  for (int i = 0; i < 6; ++i) {
    t.Add("http://a.example.org/job/" + std::to_string(i), "site-a", "jobs", "Northampton",
          {"+441632960000", "+4477009001" + std::to_string(10 + i)});
  }
  auto summary = Correlate(*t.store, LeadSettings{}, 2000);
  REQUIRE(summary.ok());
  CHECK(t.Leads().empty());
  REQUIRE(summary->boilerplate.size() == 1);
  CHECK(summary->boilerplate[0] == "site-a: phone +441632960000 on 6 of 6 adverts");
}

TEST_CASE("Correlate_Score_IsExactlyTheSumOfReasonPoints") {
  TempStore t;
  t.Add("http://a.example.org/job/1", "site-a", "jobs", "Northampton", {"+447700900201"},
        {kAccommodation, kTransport}, {"recruit@example.com"});
  t.Add("http://b.example.org/job/2", "site-b", "jobs", "Wellingborough", {"+447700900262"},
        {kFees}, {"recruit@example.com"});
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  const LeadRecord& lead = leads[0];
  REQUIRE(lead.reasons.size() == lead.reason_points.size());
  double sum = std::accumulate(lead.reason_points.begin(), lead.reason_points.end(), 0.0);
  CHECK(lead.score == Approx(sum));
  // Three categories together earn a combination term on top of the weights.
  bool has_combination = false;
  for (const auto& r : lead.reasons) has_combination = has_combination || r.find("3 different kinds") == 0;
  CHECK(has_combination);
}

TEST_CASE("Correlate_SingleAdvert_NeedsEnoughIndicatorWeight") {
  static const struct {
    std::vector<IndicatorRecord> indicators;
    bool lead;
  } kCases[] = {
      {{}, false},
      {{kTransport}, false},                        // 1.5: one weak sign alone
      {{kAccommodation, kTransport, kFees}, true},  // 6.0 + combination
  };
  for (const auto& c : kCases) {
    TempStore t;
    t.Add("http://a.example.org/job/1", "site-a", "jobs", "Corby", {"+447700900301"}, c.indicators);
    REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
    CHECK(t.Leads().size() == (c.lead ? 1u : 0u));
  }
}

TEST_CASE("Correlate_LeadIds_StableAcrossRunsAndMergesKeepOldest") {
  TempStore t;
  t.Add("http://a.example.org/ad/1", "site-a", "adult", "Northampton", {"+447700900401"});
  t.Add("http://a.example.org/ad/2", "site-a", "adult", "Northampton", {"+447700900401"});
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  t.Add("http://b.example.org/ad/3", "site-b", "adult", "Corby", {"+447700900452"});
  t.Add("http://b.example.org/ad/4", "site-b", "adult", "Corby", {"+447700900452"});
  REQUIRE(Correlate(*t.store, LeadSettings{}, 3000).ok());
  auto before = t.Leads();
  REQUIRE(before.size() == 2);
  std::string first_id = t.LeadWith(before, "http://a.example.org/ad/1")->id;
  std::string second_id = t.LeadWith(before, "http://b.example.org/ad/3")->id;

  // Run again: nothing changes.
  REQUIRE(Correlate(*t.store, LeadSettings{}, 4000).ok());
  auto again = t.Leads();
  CHECK(t.LeadWith(again, "http://a.example.org/ad/1")->id == first_id);
  CHECK(t.LeadWith(again, "http://b.example.org/ad/3")->id == second_id);

  // The analyst reviews the first lead; then a bridging advert joins both.
  LeadRecord reviewed = *t.LeadWith(again, "http://a.example.org/ad/1");
  reviewed.status = "reviewed";
  REQUIRE(t.store->PutLead(reviewed, {}).ok());
  t.Add("http://c.example.org/ad/5", "site-c", "adult", "Daventry", {"+447700900401", "+447700900452"});
  REQUIRE(Correlate(*t.store, LeadSettings{}, 5000).ok());
  auto merged = t.Leads();
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].id == first_id);
  CHECK(merged[0].merged_from == std::vector<std::string>{second_id});
  CHECK(merged[0].status == "updated");
  CHECK(merged[0].created_at == 2000);
  CHECK(merged[0].advert_ids.size() == 5);
}

TEST_CASE("Correlate_RecruitmentLink_JobAndAdultShareAContact") {
  TempStore t;
  t.Add("http://jobs.example.org/job/1", "jobs-a", "jobs", "Northampton", {"+447700900501"});
  t.Add("http://ads.example.org/ad/1", "adult-a", "adult", "Northampton", {"+447700900501"});
  REQUIRE(Correlate(*t.store, LeadSettings{}, 2000).ok());
  auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  bool found = false;
  for (const auto& r : leads[0].reasons) found = found || r.find("recruitment link") != std::string::npos;
  CHECK(found);
}

}  // namespace
}  // namespace plainsight
