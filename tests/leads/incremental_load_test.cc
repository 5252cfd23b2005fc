// Incremental loading (leads/corpus.h): a correlate run over an unchanged
// store reads no advert text, and every run's leads equal a full rebuild's,
// whatever changed in between.
#include <catch2/catch.hpp>
#include <functional>

#include "leads/correlate.h"
#include "leads/signature_cache.h"
#include "tests/leads/temp_store.h"
#include "tests/leads/text_counting_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;
using testing::TextCountingStore;

const char* const kNames[] = {"Anya", "Daria", "Irina", "Vika", "Mila", "Lena"};

// Two sites with header and footer lines on every page (chrome); on one
// phone, adverts naming several people (a persona signal read from text).
Ad Advert(int i) {
  Ad ad;
  ad.url = "http://example.org/ad/" + std::to_string(i);
  ad.site = i % 2 == 0 ? "velvet" : "silk";
  ad.phones = {i < 4 ? "+447700900111" : "+447700900" + std::to_string(200 + i)};
  const std::string name = kNames[i % 6];
  ad.title = name + ", " + std::to_string(21 + i) + " - new in town";
  ad.text = ad.site + " Home Listings Contact\nHello I am " + name +
            ". Friendly company in a quiet flat, call any time, words " + std::to_string(i * 7) +
            " and " + std::to_string(i * 13) + " make each text its own.\n" + ad.site +
            " footer Report this advert";
  return ad;
}

struct LeadView {
  std::vector<std::string> advert_ids;
  std::vector<std::string> reasons;
  double score;
  bool operator==(const LeadView& o) const {
    return advert_ids == o.advert_ids && reasons == o.reasons && score == o.score;
  }
};

std::vector<LeadView> View(TempStore& t) {
  std::vector<LeadView> out;
  for (const LeadRecord& l : t.Leads()) out.push_back({l.advert_ids, l.reasons, l.score});
  std::sort(out.begin(), out.end(),
            [](const LeadView& a, const LeadView& b) { return a.advert_ids < b.advert_ids; });
  return out;
}

TEST_CASE("IncrementalLoad_UnchangedStore_ReadsNoTextAndMatchesRebuild") {
  TempStore t;
  for (int i = 0; i < 8; ++i) t.Put(Advert(i));
  TextCountingStore counting(*t.store);
  struct Step {
    const char* what;
    std::function<void()> change;
    bool reads_text;
  };
  const Step kSteps[] = {
      {"first run reads every text", [] {}, true},
      {"second run reads none", [] {}, false},
      {"a changed advert is read again",
       [&] {
         Ad ad = Advert(5);
         ad.text += " Now with a longer text.";
         t.Put(ad);
       },
       true},
      {"then nothing again", [] {}, false},
      {"a new advert on a site changes its chrome sample", [&] { t.Put(Advert(9)); }, true},
      {"a deleted advert changes its site's chrome sample",
       [&] { REQUIRE(t.store->DeleteAdvert(AdvertIdForUrl(Advert(6).url)).ok()); }, true},
      {"and the run after it none", [] {}, false},
  };
  for (const Step& step : kSteps) {
    INFO(step.what);
    step.change();
    auto summary = Correlate(counting, LeadSettings{}, 5000);
    REQUIRE(summary.ok());
    const size_t reads = counting.TakeTextReads();
    if (step.reads_text) {
      CHECK(reads > 0);
    } else {
      CHECK(reads == 0);
      CHECK(summary->signatures_computed == 0);
    }
    const std::vector<LeadView> incremental = View(t);
    REQUIRE_FALSE(incremental.empty());
    REQUIRE(CorrelateRebuild(*t.store, LeadSettings{}, 5000).ok());
    CHECK(View(t) == incremental);
    // The rebuild refreshed every cache entry: settle before the next step.
    REQUIRE(Correlate(counting, LeadSettings{}, 5000).ok());
    counting.TakeTextReads();
  }
}

TEST_CASE("IncrementalLoad_PersonasComeFromTheCache") {
  TempStore t;
  for (int i = 0; i < 4; ++i) t.Put(Advert(i));
  for (int run = 0; run < 2; ++run) {
    INFO("run " << run);
    REQUIRE(Correlate(*t.store, LeadSettings{}, 5000).ok());
    auto leads = t.Leads();
    REQUIRE(leads.size() == 1);
    CHECK(TempStore::HasReason(leads[0], "4 names (Anya, Daria, Irina, Vika)"));
    CHECK(TempStore::HasReason(leads[0], "4 ages (21, 22, 23, 24)"));
  }
}

TEST_CASE("IncrementalLoad_SignatureCacheEntry_RoundTrips") {
  CachedSignature with_persona;
  with_persona.body = BodyHash("abc");
  with_persona.chrome = 0x0123456789abcdefULL;
  with_persona.shingles = 42;
  with_persona.values = {1, 2, 3};
  with_persona.persona_read = true;
  with_persona.age = 23;
  with_persona.name = "Anya";
  CachedSignature empty;
  static const struct {
    const char* what;
    const CachedSignature* entry;
    size_t num_hashes;
    bool parses;
  } kCases[] = {
      {"full entry", &with_persona, 3, true},
      {"empty signature fits any length", &empty, 126, true},
      {"another length is refused", &with_persona, 126, false},
  };
  for (const auto& c : kCases) {
    INFO(c.what);
    CachedSignature out;
    REQUIRE(ParseCachedSignature(EncodeCachedSignature(*c.entry), c.num_hashes, &out) == c.parses);
    if (!c.parses) continue;
    CHECK(out.body == c.entry->body);
    CHECK(out.chrome == c.entry->chrome);
    CHECK(out.shingles == c.entry->shingles);
    CHECK(out.values == c.entry->values);
    CHECK(out.persona_read == c.entry->persona_read);
    CHECK(out.age == c.entry->age);
    CHECK(out.name == c.entry->name);
  }
  CachedSignature out;
  CHECK_FALSE(ParseCachedSignature("S2" + std::string(100, 'x'), 3, &out));
  CHECK(BodyHash("") == 0);
  CHECK(BodyHash("abc") != 0);
}

}  // namespace
}  // namespace plainsight
