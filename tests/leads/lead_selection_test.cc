// Lead selection (leads/lead_selection.h): the filters `leads` offers and
// the one ranking every listing uses.
#include "leads/lead_selection.h"

#include <catch2/catch.hpp>

#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::TempStore;

const IndicatorRecord kAccommodation{"jobs.accommodation_provided",
                                     "living_and_working_same_address", 2.0, "Accommodation provided"};

LeadRecord Lead(const std::string& id, double score, const std::string& status,
                std::vector<std::string> adverts, std::int64_t updated_at = 100) {
  LeadRecord lead;
  lead.id = id;
  lead.score = score;
  lead.status = status;
  lead.advert_ids = std::move(adverts);
  lead.created_at = 50;
  lead.updated_at = updated_at;
  return lead;
}

std::vector<std::string> Ids(const std::vector<LeadRecord>& leads) {
  std::vector<std::string> ids;
  for (const LeadRecord& lead : leads) ids.push_back(lead.id);
  return ids;
}

struct Fixture {
  Fixture() {
    t.Add("http://a.example.org/job/1", "site-a", "jobs", "Corby", {"+447700900601"}, {kAccommodation});
    t.Add("http://b.example.org/ad/2", "site-b", "adult", "Corby", {"+447700900602"});
    const std::string job = AdvertIdForUrl("http://a.example.org/job/1");
    const std::string ad = AdvertIdForUrl("http://b.example.org/ad/2");
    REQUIRE(t.store
                ->ReplaceLeads({Lead("L-000000000003", 6.0, "new", {job}, 300),
                                Lead("L-000000000001", 6.0, "escalated", {ad}, 100),
                                Lead("L-000000000002", 9.5, "new", {job, ad}, 200),
                                Lead("L-000000000004", 1.0, "dismissed", {ad}, 400)})
                .ok());
  }
  TempStore t;
};

TEST_CASE("RanksBefore_HigherScoreFirstThenLowerId") {
  std::vector<LeadRecord> leads = {Lead("L-b", 2, "new", {}), Lead("L-c", 5, "new", {}),
                                   Lead("L-a", 2, "new", {})};
  RankLeads(&leads);
  CHECK(Ids(leads) == std::vector<std::string>{"L-c", "L-a", "L-b"});
}

TEST_CASE("SelectLeads_EachFilter_KeepsOnlyWhatItNames") {
  Fixture f;
  struct Case {
    const char* name;
    LeadFilter filter;
    std::vector<std::string> ids;
  };
  auto with = [](auto change) {
    LeadFilter filter;
    change(filter);
    return filter;
  };
  const Case cases[] = {
      {"everything, ranked", LeadFilter{},
       {"L-000000000002", "L-000000000001", "L-000000000003", "L-000000000004"}},
      {"min score", with([](LeadFilter& x) { x.min_score = 6.0; }),
       {"L-000000000002", "L-000000000001", "L-000000000003"}},
      {"status", with([](LeadFilter& x) { x.status = "new"; }), {"L-000000000002", "L-000000000003"}},
      {"since", with([](LeadFilter& x) { x.since = 250; }), {"L-000000000003", "L-000000000004"}},
      {"site", with([](LeadFilter& x) { x.site = "site-a"; }), {"L-000000000002", "L-000000000003"}},
      {"kind", with([](LeadFilter& x) { x.kind = "adult"; }),
       {"L-000000000002", "L-000000000001", "L-000000000004"}},
      {"category", with([](LeadFilter& x) { x.category = "living_and_working_same_address"; }),
       {"L-000000000002", "L-000000000003"}},
      {"site and kind on different adverts", with([](LeadFilter& x) {
         x.site = "site-a";
         x.kind = "adult";
       }),
       {"L-000000000002"}},
      {"limit after ranking", with([](LeadFilter& x) { x.limit = 2; }),
       {"L-000000000002", "L-000000000001"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto selected = SelectLeads(*f.t.store, c.filter);
    REQUIRE(selected.ok());
    CHECK(Ids(*selected) == c.ids);
  }
}

}  // namespace
}  // namespace plainsight
