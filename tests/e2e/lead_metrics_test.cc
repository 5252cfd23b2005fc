// The lead evaluator (tests/support/lead_metrics.h) on hand-made leads
// documents, so a farm's verdict can be trusted: what counts as found,
// mixed, clean for precision, shown for a benign group, and what min_score
// leaves out.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/support/lead_metrics.h"

namespace plainsight {
namespace {

using nlohmann::json;
using testing::EvaluateLeads;
using testing::LeadMetrics;
using testing::TruthGroupUrls;

// Truth: ring (risky, a1-a5), gang (risky, b1-b4), shop (benign, c1-c3),
// solo (benign, d1 only). Ordinary adverts: o1, o2, ...
std::vector<TruthGroupUrls> Truth() {
  return {{"ring", true, {"u/a1", "u/a2", "u/a3", "u/a4", "u/a5"}},
          {"gang", true, {"u/b1", "u/b2", "u/b3", "u/b4"}},
          {"shop", false, {"u/c1", "u/c2", "u/c3"}},
          {"solo", false, {"u/d1"}}};
}

json Lead(const std::string& id, double score, const std::vector<std::string>& urls) {
  json adverts = json::array();
  for (const std::string& url : urls) adverts.push_back({{"url", url}, {"id", "A-" + url}});
  return {{"id", id},
          {"score", score},
          {"reasons", {"reason one of " + id, "reason two", "reason three", "reason four"}},
          {"adverts", adverts}};
}

json Leads(const std::vector<json>& leads) { return {{"leads", leads}}; }

const testing::RiskyGroupResult& Risky(const LeadMetrics& m, const std::string& name) {
  for (const auto& r : m.risky)
    if (r.name == name) return r;
  FAIL("no risky group " << name);
  return m.risky.front();
}

const testing::BenignGroupResult& Benign(const LeadMetrics& m, const std::string& name) {
  for (const auto& b : m.benign)
    if (b.name == name) return b;
  FAIL("no benign group " << name);
  return m.benign.front();
}

TEST_CASE("LeadMetrics_PerfectLeadsAreFoundCleanAndPrecise") {
  LeadMetrics m = EvaluateLeads(Leads({Lead("L-ring", 8, {"u/a1", "u/a2", "u/a3", "u/a4", "u/a5"}),
                                       Lead("L-gang", 6, {"u/b1", "u/b2", "u/b3", "u/b4"}),
                                       Lead("L-shop", 1, {"u/c1", "u/c2", "u/c3"})}),
                                Truth(), 3.0);
  CHECK(m.risky_found == 2);
  CHECK(m.risky_mixed == 0);
  CHECK(Risky(m, "ring").lead_id == "L-ring");
  CHECK(m.precision_window == 2);
  CHECK(m.precision_at_20 == Approx(1.0));
  CHECK(m.largest_lead == 5);
  CHECK(m.largest_lead_any == 5);
  CHECK(m.largest_risky_group == 5);
  CHECK(m.benign_shown == 0);  // L-shop scores under min_score
  CHECK(m.leads_shown == 2);
  CHECK(m.leads_total == 3);
  REQUIRE(m.top.size() == 2);
  CHECK(m.top[0].id == "L-ring");
  CHECK(m.top[0].reasons.size() == 3);
  CHECK(m.top[0].label == "risky:ring 5/5");
}

TEST_CASE("LeadMetrics_GroupSplitOverTwoShownLeadsIsNotFound") {
  LeadMetrics m = EvaluateLeads(
      Leads({Lead("L-1", 7, {"u/a1", "u/a2", "u/a3", "u/a4"}), Lead("L-2", 4, {"u/a5", "u/o1"})}), Truth(),
      3.0);
  const auto& ring = Risky(m, "ring");
  CHECK_FALSE(ring.found);
  CHECK(ring.held == 4);
  CHECK(ring.leads_touching == 2);
  CHECK(ring.lead_id == "L-1");
  // L-2 is 1/2 ring: not more than half, so not clean.
  CHECK(m.precision_at_20 == Approx(0.5));
}

TEST_CASE("LeadMetrics_SplitPartUnderMinScoreDoesNotCount") {
  LeadMetrics m = EvaluateLeads(
      Leads({Lead("L-1", 7, {"u/a1", "u/a2", "u/a3", "u/a4"}), Lead("L-2", 2.9, {"u/a5"})}), Truth(), 3.0);
  CHECK(Risky(m, "ring").found);  // 4/5 = 80% and no other shown lead touches it
}

TEST_CASE("LeadMetrics_LessThanEightyPercentIsNotFound") {
  LeadMetrics m = EvaluateLeads(Leads({Lead("L-1", 7, {"u/a1", "u/a2", "u/a3"})}), Truth(), 3.0);
  CHECK_FALSE(Risky(m, "ring").found);
  CHECK(m.precision_at_20 == Approx(1.0));  // the lead itself is clean
}

TEST_CASE("LeadMetrics_MergedRiskyGroupsAreMixedAndNotClean") {
  LeadMetrics m = EvaluateLeads(
      Leads({Lead("L-both", 9, {"u/a1", "u/a2", "u/a3", "u/a4", "u/a5", "u/b1", "u/b2", "u/b3", "u/b4"})}),
      Truth(), 3.0);
  CHECK(Risky(m, "ring").found);  // found, but...
  CHECK(Risky(m, "ring").mixed);
  CHECK(Risky(m, "gang").mixed);
  CHECK(Risky(m, "ring").mixed_with == std::vector<std::string>{"gang"});
  CHECK(m.risky_mixed == 2);
  CHECK(m.precision_at_20 == Approx(0.0));
  CHECK(m.top[0].label == "MIXED:ring+gang");
  CHECK(m.largest_lead == 9);
}

TEST_CASE("LeadMetrics_BenignGroupIsShownWithTwoAdvertsOrItsOnlyOne") {
  LeadMetrics m = EvaluateLeads(Leads({Lead("L-a", 5, {"u/c1", "u/o1"}), Lead("L-b", 5, {"u/c2", "u/o2"}),
                                       Lead("L-c", 4, {"u/d1", "u/o3"})}),
                                Truth(), 3.0);
  CHECK_FALSE(Benign(m, "shop").shown);  // one advert in each of two leads
  CHECK(Benign(m, "solo").shown);        // its only advert
  CHECK(m.benign_shown == 1);

  LeadMetrics two = EvaluateLeads(Leads({Lead("L-a", 5, {"u/c1", "u/c3", "u/o1"})}), Truth(), 3.0);
  CHECK(Benign(two, "shop").shown);
  CHECK(Benign(two, "shop").held == 2);
  CHECK(two.top[0].label == "benign:shop 2/3");
  CHECK_FALSE(two.top[0].clean);
}

TEST_CASE("LeadMetrics_PrecisionLooksAtTheTopTwentyByScore") {
  std::vector<json> leads;
  // 19 clean ring-pair leads, then two unplanted ones; the unplanted one with
  // the higher score falls inside the top 20, the other outside.
  for (int i = 0; i < 19; ++i) leads.push_back(Lead("L-r" + std::to_string(i), 10 - i * 0.1, {"u/a1", "u/a2"}));
  leads.push_back(Lead("L-x", 9.95, {"u/o1", "u/o2"}));
  leads.push_back(Lead("L-y", 3.5, {"u/o3", "u/o4"}));
  LeadMetrics m = EvaluateLeads(Leads(leads), Truth(), 3.0);
  CHECK(m.precision_window == 20);
  CHECK(m.precision_clean == 19);
  CHECK(m.precision_at_20 == Approx(0.95));
  CHECK(m.top[1].id == "L-x");
  CHECK(m.top[1].label == "unplanted");
}

TEST_CASE("LeadMetrics_NoShownLeadsGiveZeroPrecisionAndNothingFound") {
  LeadMetrics m = EvaluateLeads(Leads({Lead("L-1", 1, {"u/a1", "u/a2", "u/a3", "u/a4", "u/a5"})}), Truth(), 3.0);
  CHECK(m.leads_shown == 0);
  CHECK(m.precision_window == 0);
  CHECK(m.precision_at_20 == Approx(0.0));
  CHECK(m.risky_found == 0);
  CHECK(m.largest_lead == 0);
  CHECK(m.largest_lead_any == 5);
  CHECK(Risky(m, "ring").lead_id.empty());
}

TEST_CASE("LeadMetrics_ReportHasALinePerGroupAndTheTopLeadsReasons") {
  LeadMetrics m = EvaluateLeads(
      Leads({Lead("L-ring", 8, {"u/a1", "u/a2", "u/a3", "u/a4", "u/a5"}), Lead("L-shop", 4, {"u/c1", "u/c2"})}),
      Truth(), 3.0);
  const std::string report = testing::FormatReport(m);
  CHECK(report.find("[found ] ring (5 adverts): L-ring score 8.00 holds 5/5") != std::string::npos);
  CHECK(report.find("[MISSED] gang (4 adverts): in no shown lead") != std::string::npos);
  CHECK(report.find("[SHOWN ] shop (3 adverts): L-shop score 4.00 holds 2/3") != std::string::npos);
  CHECK(report.find("[  ok  ] solo (1 adverts): in no shown lead") != std::string::npos);
  CHECK(report.find("precision@20: 0.50 (1/2)") != std::string::npos);
  CHECK(report.find("- reason one of L-ring") != std::string::npos);
  CHECK(report.find("reason four") == std::string::npos);
}

TEST_CASE("LeadMetrics_MalformedDocumentGivesNoLeads") {
  LeadMetrics m = EvaluateLeads(json::parse(R"({"not_leads": []})"), Truth(), 3.0);
  CHECK(m.leads_total == 0);
  CHECK(m.risky_found == 0);
  CHECK(m.risky.size() == 2);
  CHECK(m.benign.size() == 2);
}

}  // namespace
}  // namespace plainsight
