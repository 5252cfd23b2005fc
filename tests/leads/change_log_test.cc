// Correlation and the store's change log (leads/change_log.h): each run
// counts the adverts changed since the last one and clears exactly those.
#include <catch2/catch.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "leads/change_log.h"
#include "leads/correlate.h"
#include "tests/leads/temp_store.h"
#include "tests/leads/text_counting_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

Ad Advert(int i) {
  Ad ad;
  ad.url = "http://example.org/ad/" + std::to_string(i);
  ad.phones = {i < 3 ? "+447700900111" : "+447700900" + std::to_string(200 + i)};
  ad.title = "Advert " + std::to_string(i);
  ad.text = "Friendly company, call any time, words " + std::to_string(i * 7);
  return ad;
}

TEST_CASE("ChangeLog_EachCorrelationCountsTheAdvertsChangedSinceTheLastOne", "[leads]") {
  TempStore t;
  for (int i = 0; i < 8; ++i) t.Put(Advert(i));
  struct Step {
    const char* what;
    void (*change)(TempStore&);
    size_t changed;
  };
  const Step kSteps[] = {
      {"the first run hears of every advert", [](TempStore&) {}, 8},
      {"a run with nothing written hears of none", [](TempStore&) {}, 0},
      {"one edited, one new, one taken down",
       [](TempStore& s) {
         Ad edited = Advert(2);
         edited.text += " Now with more words.";
         s.Put(edited);
         s.Put(Advert(9));
         REQUIRE(s.store->MarkAdvertRemoved(AdvertIdForUrl(Advert(5).url), 6000).ok());
       },
       3},
      {"then none again", [](TempStore&) {}, 0},
      {"a touch is not a change",
       [](TempStore& s) { REQUIRE(s.store->TouchAdvert(AdvertIdForUrl(Advert(1).url), 7000).ok()); },
       0},
  };
  for (const Step& step : kSteps) {
    INFO(step.what);
    step.change(t);
    auto summary = Correlate(*t.store, LeadSettings{}, 8000);
    REQUIRE(summary.ok());
    CHECK(summary->changed_adverts == step.changed);
    auto left = ReadChangeLog(*t.store);
    REQUIRE(left.ok());
    CHECK(left->advert_ids.empty());
  }
}

// Correlates `t` (four adverts heard of) while `during` writes once as the
// corpus loads; that write must be all the log keeps, as `left_kind`, and
// the next run must hear of it.
void CheckLeftForTheNextRun(TempStore& t, const std::function<void()>& during,
                            const std::string& left_url, const std::string& left_kind) {
  testing::TextCountingStore watched(*t.store);
  bool written = false;
  watched.before_summary_scan = [&] {
    if (written) return;
    written = true;
    during();
  };
  auto first = Correlate(watched, LeadSettings{}, 8000);
  REQUIRE(first.ok());
  CHECK(first->changed_adverts == 4);
  auto left = ReadChangeLog(*t.store);
  REQUIRE(left.ok());
  CHECK(left->advert_ids == std::vector<std::string>{AdvertIdForUrl(left_url)});
  CHECK(left->by_kind == std::map<std::string, size_t>{{left_kind, 1}});
  auto second = Correlate(*t.store, LeadSettings{}, 8000);
  REQUIRE(second.ok());
  CHECK(second->changed_adverts == 1);
}

TEST_CASE("ChangeLog_AChangeWrittenWhileCorrelationRunsIsLeftForTheNextRun", "[leads]") {
  TempStore t;
  for (int i = 0; i < 4; ++i) t.Put(Advert(i));
  CheckLeftForTheNextRun(
      t, [&] { t.Put(Advert(7)); },  // a crawl writing as correlation loads
      Advert(7).url, "new");
}

TEST_CASE("ChangeLog_ASecondChangeToAnAdvertAlreadyLoggedWhileCorrelationRunsIsLeftForTheNextRun",
          "[leads]") {
  TempStore t;
  for (int i = 0; i < 4; ++i) t.Put(Advert(i));
  Ad edited = Advert(2);
  edited.text += " Edited before the run.";
  t.Put(edited);  // logged as "changed" when the run reads the log
  CheckLeftForTheNextRun(
      t,
      [&] {
        Ad again = Advert(2);  // "changed" again: the same kind, a new write
        again.text += " Edited as correlation loads.";
        t.Put(again);
      },
      Advert(2).url, "changed");
}

}  // namespace
}  // namespace plainsight
