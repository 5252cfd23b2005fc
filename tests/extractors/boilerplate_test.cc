// Site chrome is learnt per site and left out of matching and entities.
#include <catch2/catch.hpp>

#include "extractors/boilerplate.h"

namespace plainsight {
namespace {

const char kFooter[] = "Call Velvet Rooms on 01632 960000 - hello@example.org";

TEST_CASE("Boilerplate_FooterOnListingAndMostPages_IsChrome") {
  SiteBoilerplate site;
  site.Learn({"Home | Search | Contact", kFooter, "Page 1 of 3"}, {"+441632960000"}, true);
  for (int i = 0; i < 4; ++i) {
    site.Learn({"Home | Search | Contact", "Advert number " + std::to_string(i), kFooter},
               {"+441632960000", "+4477009001" + std::to_string(10 + i)}, false);
  }
  static const struct {
    const char* block;
    bool chrome;
  } kBlocks[] = {
      {"Home | Search | Contact", true},
      {kFooter, true},
      {"Advert number 1", false},  // advert content
      {"Page 1 of 3", false},      // only on the one listing page
      {"never seen", false},
  };
  for (const auto& c : kBlocks) {
    CAPTURE(c.block);
    CHECK(site.IsBoilerplateBlock(c.block) == c.chrome);
  }
  CHECK(site.IsBoilerplateContact("+441632960000"));
  CHECK_FALSE(site.IsBoilerplateContact("+447700900111"));
}

TEST_CASE("Boilerplate_RepeatedAdvertWording_NotChromeUnlessOnListings") {
  // An agency repeating "Accommodation provided" on every advert must still
  // be matched: the wording never appears on its listing pages.
  SiteBoilerplate site;
  site.Learn({"Jobs in Northampton", "Footer text"}, {}, true);
  for (int i = 0; i < 6; ++i) site.Learn({"Accommodation provided", "Footer text"}, {}, false);
  CHECK_FALSE(site.IsBoilerplateBlock("Accommodation provided"));
  CHECK(site.IsBoilerplateBlock("Footer text"));
}

TEST_CASE("Boilerplate_TooFewPages_NothingIsChromeYet") {
  SiteBoilerplate site;
  site.Learn({"Footer text"}, {"+441632960000"}, true);
  site.Learn({"Footer text"}, {"+441632960000"}, false);
  CHECK(site.pages() == 2);
  CHECK_FALSE(site.IsBoilerplateBlock("Footer text"));
  CHECK_FALSE(site.IsBoilerplateContact("+441632960000"));
}

TEST_CASE("Boilerplate_SerializeRoundTrip_KeepsWhatWasLearnt") {
  SiteBoilerplate site;
  for (int i = 0; i < 5; ++i) site.Learn({"Footer text", "ad " + std::to_string(i)}, {"x@example.org"}, i == 0);
  SiteBoilerplate copy;
  REQUIRE(SiteBoilerplate::Deserialize(site.Serialize(), &copy));
  CHECK(copy.pages() == 5);
  CHECK(copy.IsBoilerplateBlock("Footer text"));
  CHECK(copy.IsBoilerplateContact("x@example.org"));
  CHECK_FALSE(SiteBoilerplate::Deserialize("not a profile", &copy));
}

// A crawl killed while a site is young resumes from the saved profile: it
// must reach the verdicts an uninterrupted crawl reaches, so nothing seen
// once may be dropped from a young profile.
TEST_CASE("Boilerplate_YoungProfileSavedMidCrawl_SameVerdictsAsUninterrupted") {
  SiteBoilerplate uninterrupted, first_half;
  auto page = [](int i) {
    return std::vector<std::string>{i == 0 ? "Listing" : "ad " + std::to_string(i), "Footer"};
  };
  // The footer is on the listing page only in the first half...
  uninterrupted.Learn({"Listing", "Footer"}, {"+441632960000"}, true);
  first_half.Learn({"Listing", "Footer"}, {"+441632960000"}, true);
  SiteBoilerplate resumed;
  REQUIRE(SiteBoilerplate::Deserialize(first_half.Serialize(), &resumed));
  // ... and on every advert page after the kill.
  for (int i = 1; i < 6; ++i) {
    uninterrupted.Learn(page(i), {"+441632960000"}, false);
    resumed.Learn(page(i), {"+441632960000"}, false);
  }
  CHECK(uninterrupted.IsBoilerplateBlock("Footer"));
  CHECK(resumed.IsBoilerplateBlock("Footer"));
  CHECK(resumed.IsBoilerplateContact("+441632960000"));
  CHECK(resumed.Serialize() == uninterrupted.Serialize());
}

}  // namespace
}  // namespace plainsight
