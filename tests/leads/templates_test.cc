// Near-duplicate templates as links, site layouts as boilerplate, and the
// incremental signature cache.
#include <catch2/catch.hpp>

#include "leads/correlate.h"
#include "leads/signature_cache.h"
#include "tests/leads/temp_store.h"

namespace plainsight {
namespace {

using testing::Ad;
using testing::TempStore;

struct Filling {
  const char* name;
  int age;
  const char* town;
  const char* price;
  const char* phone;
  const char* phone_e164;
};

const Filling kRotating[] = {
    {"Anya", 23, "Corby", "£70", "07700 900111", "+447700900111"},
    {"Daria", 25, "Northampton", "£80", "07700 900333", "+447700900333"},
    {"Irina", 22, "Kettering", "£60", "07700 900555", "+447700900555"},
    {"Vika", 24, "Rushden", "£90", "07700 900777", "+447700900777"},
};

Ad TemplateAdvert(const Filling& f, int i) {
  Ad ad;
  ad.url = "http://example.org/rotating/" + std::to_string(i);
  ad.site = i % 2 == 0 ? "velvet" : "silk";
  ad.town = f.town;
  ad.phones = {f.phone_e164};
  const std::string age = std::to_string(f.age);
  ad.title = std::string(f.name) + ", " + age + " - sweet and friendly, new to " + f.town;
  ad.text = std::string("Sweet and friendly ") + f.name + ", " + age + ", new to " + f.town +
            ". Relaxing massage and elegant company in a clean, discreet apartment close to the "
            "town centre. " + f.price + " per hour, no rush. Call " + f.phone +
            " now, available today from 10am until late.";
  return ad;
}

Ad UnrelatedAdvert(int i) {
  static const char* const kTexts[] = {
      "Warehouse operative wanted for night shifts in a modern distribution centre, forklift "
      "licence an advantage, full training given and a canteen on site.",
      "Experienced chef de partie for a busy gastro pub, fresh seasonal menu, tips shared "
      "fairly between the whole team, two evenings off each week.",
  };
  Ad ad;
  ad.url = "http://example.org/unrelated/" + std::to_string(i);
  ad.site = "other-" + std::to_string(i);
  ad.kind = "jobs";
  ad.phones = {i == 0 ? "+441632960100" : "+441632960900"};
  ad.title = "Vacancy";
  ad.text = kTexts[i];
  return ad;
}

TEST_CASE("Templates_RotatingPhones_BecomeOneLeadWithTheTemplate") {
  TempStore t;
  for (int i = 0; i < 4; ++i) t.Put(TemplateAdvert(kRotating[i], i));
  for (int i = 0; i < 2; ++i) t.Put(UnrelatedAdvert(i));
  auto summary = Correlate(*t.store, LeadSettings{}, 5000);
  REQUIRE(summary.ok());
  CHECK(summary->template_links == 1);
  auto leads = t.Leads();
  REQUIRE(leads.size() == 1);
  const LeadRecord& lead = leads[0];
  CHECK(lead.advert_ids.size() == 4);
  CHECK(lead.phones.size() == 4);
  CHECK(TempStore::HasReason(lead, "4 adverts on 2 sites written from one template"));
  CHECK(TempStore::HasReason(lead, "one template with 4 different phones"));
  CHECK(lead.score >= LeadSettings{}.min_score);
  CHECK(lead.template_text.find("Sweet and friendly {") != std::string::npos);
  bool names_in_a_slot = false;
  for (const auto& slot : lead.template_slots) {
    names_in_a_slot = names_in_a_slot ||
                      std::find(slot.begin(), slot.end(), "Irina") != slot.end();
  }
  CHECK(names_in_a_slot);
}

TEST_CASE("Templates_SiteLayoutOnMostOfASite_IsBoilerplateNotALink") {
  TempStore t;
  for (int i = 0; i < 4; ++i) {
    Ad ad = TemplateAdvert(kRotating[i], i);
    ad.site = "velvet";
    t.Put(ad);
  }
  auto summary = Correlate(*t.store, LeadSettings{}, 5000);
  REQUIRE(summary.ok());
  CHECK(t.Leads().empty());
  REQUIRE(summary->boilerplate.size() == 1);
  CHECK(summary->boilerplate[0] == "velvet: one near-duplicate template on 4 of 4 adverts (site layout)");
}

size_t CachedSignatures(Store& store) {
  size_t n = 0;
  REQUIRE(store.ForEachMeta(kSignatureKeyPrefix, [&](const std::string&, const std::string&) {
    ++n;
    return true;
  }).ok());
  return n;
}

TEST_CASE("Templates_Signatures_AreIncrementalAndRebuildable") {
  TempStore t;
  for (int i = 0; i < 4; ++i) t.Put(TemplateAdvert(kRotating[i], i));
  struct Step {
    const char* what;
    std::function<void()> change;
    bool rebuild;
    size_t computed, reused, cached;
  };
  const Step kSteps[] = {
      {"first run signs everything", [] {}, false, 4, 0, 4},
      {"second run reuses every signature", [] {}, false, 0, 4, 4},
      {"a changed advert is re-signed",
       [&] {
         Ad ad = TemplateAdvert(kRotating[0], 0);
         ad.text += " Longer evenings by arrangement.";
         t.Put(ad);
       },
       false, 1, 3, 4},
      {"a deleted advert's signature goes",
       [&] { REQUIRE(t.store->DeleteAdvert(AdvertIdForUrl("http://example.org/rotating/3")).ok()); },
       false, 0, 3, 3},
      {"rebuild re-signs everything", [] {}, true, 3, 0, 3},
  };
  for (const Step& step : kSteps) {
    INFO(step.what);
    step.change();
    auto summary = step.rebuild ? CorrelateRebuild(*t.store, LeadSettings{}, 5000)
                                : Correlate(*t.store, LeadSettings{}, 5000);
    REQUIRE(summary.ok());
    CHECK(summary->signatures_computed == step.computed);
    CHECK(summary->signatures_reused == step.reused);
    CHECK(CachedSignatures(*t.store) == step.cached);
    CHECK(t.Leads().size() == 1);
  }
}

}  // namespace
}  // namespace plainsight
