// Leads as the real binary lists them (`leads --format json --min-score 0`),
// reduced to what two crawls of the same adverts must agree on: each lead's
// advert URLs, score and reasons. For e2e tests that compare two stores.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "tests/support/run_binary.h"

namespace plainsight::testing {

struct LeadView {
  std::set<std::string> urls;
  double score = 0;
  std::vector<std::string> reasons;
  bool operator<(const LeadView& o) const { return urls < o.urls; }
};

// The leads of `config`'s store, ordered by their adverts' URLs.
inline std::vector<LeadView> LeadsOf(const std::string& config) {
  RunResult run = RunPlainsight({"--config", config, "leads", "--format", "json", "--min-score", "0"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const nlohmann::json parsed = nlohmann::json::parse(run.out);  // bound: the loop reads into it
  std::vector<LeadView> out;
  for (const nlohmann::json& lead : parsed["leads"]) {
    LeadView v;
    for (const nlohmann::json& a : lead["adverts"]) v.urls.insert(a["url"].get<std::string>());
    v.score = lead["score"].get<double>();
    v.reasons = lead["reasons"].get<std::vector<std::string>>();
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The same leads: same adverts, scores and reasons, lead by lead.
inline void CheckSameLeads(const std::vector<LeadView>& expected, const std::vector<LeadView>& actual) {
  REQUIRE_FALSE(expected.empty());
  CHECK(actual.size() == expected.size());
  for (size_t i = 0; i < std::min(expected.size(), actual.size()); ++i) {
    INFO("lead " << i << ": " << *expected[i].urls.begin());
    CHECK(actual[i].urls == expected[i].urls);
    CHECK(actual[i].score == Approx(expected[i].score));
    CHECK(actual[i].reasons == expected[i].reasons);
  }
}

}  // namespace plainsight::testing
