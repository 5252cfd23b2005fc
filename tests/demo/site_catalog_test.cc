// Tests for the demo data's catalogue (sites.toml): what the exporter
// writes reads back unchanged, and a damaged catalogue is an error that
// says where.
#include "demo/site_catalog.h"

#include <catch2/catch.hpp>

#include "tests/demo/demo_test_support.h"

namespace plainsight::demo {
namespace {

DemoSite VelvetLike() {
  DemoSite site;
  site.name = "velvet-rooms";
  site.kind = "adult";
  site.charset = "utf-8";
  site.seeds = {"/listings?page=1"};
  site.follow = {R"(/listings\?page=\d+)"};
  site.adverts = {R"(/(private/)?ad/\d+)"};
  site.max_depth = 5;
  site.region = "Northamptonshire";
  site.fields = {"h1.ad-title", "div.ad-body", "span.ad-town", "time.posted"};
  return site;
}

DemoSite SilkLike() {
  DemoSite site;
  site.name = "silk-companions";
  site.kind = "adult";
  site.charset = "windows-1252";
  site.seeds = {"/browse/page/1"};
  site.follow = {R"(/browse/page/\d+)", "/it's-quoted"};
  site.adverts = {R"(/companions/[a-z]+-\d+\.html)"};
  site.max_depth = 3;
  return site;
}

void CheckSame(const DemoSite& a, const DemoSite& b) {
  CHECK(a.name == b.name);
  CHECK(a.kind == b.kind);
  CHECK(a.charset == b.charset);
  CHECK(a.seeds == b.seeds);
  CHECK(a.follow == b.follow);
  CHECK(a.adverts == b.adverts);
  CHECK(a.max_depth == b.max_depth);
  CHECK(a.region == b.region);
  CHECK(a.fields.title == b.fields.title);
  CHECK(a.fields.body == b.fields.body);
  CHECK(a.fields.location == b.fields.location);
  CHECK(a.fields.posted == b.fields.posted);
}

TEST_CASE("SiteCatalog_ReadsBackWhatItWrites_InOrder") {
  const std::vector<DemoSite> sites = {VelvetLike(), SilkLike()};
  auto parsed = ParseSiteCatalog(SiteCatalogToml(sites), "sites.toml");
  REQUIRE(parsed.ok());
  REQUIRE(parsed->size() == 2);
  CheckSame((*parsed)[0], sites[0]);
  CheckSame((*parsed)[1], sites[1]);
}

TEST_CASE("SiteCatalog_LoadsFromTheDataDirectory_NotFoundWithout") {
  testing::TempDir dir;
  auto missing = LoadSiteCatalog(dir.path());
  CHECK(missing.status().IsNotFound());
  CHECK(missing.status().message().find("sites.toml") != std::string::npos);

  testing::WriteFile(dir.path(), kSiteCatalogFile, SiteCatalogToml({VelvetLike()}));
  auto loaded = LoadSiteCatalog(dir.path());
  REQUIRE(loaded.ok());
  CheckSame(loaded->front(), VelvetLike());
}

TEST_CASE("SiteCatalog_DamageIsAnErrorNamingTheLine") {
  const std::string valid = "[[sites]]\nname = \"a\"\nkind = \"jobs\"\ncharset = \"utf-8\"\n"
                            "seeds = [\"/\"]\nfollow = []\nadverts = []\n";
  CHECK(ParseSiteCatalog(valid, "sites.toml").ok());
  struct Case {
    const char* what;
    std::string text;
    const char* message;
  };
  const Case cases[] = {
      {"syntax", "[[sites]\n", "sites.toml:1"},
      {"no sites", "title = \"x\"\n", "no [[sites]]"},
      {"no kind", "[[sites]]\nname = \"a\"\n", "missing kind"},
      {"folder escape", "[[sites]]\nname = \"../etc\"\nkind = \"jobs\"\ncharset = \"utf-8\"\n"
                        "seeds = []\nfollow = []\nadverts = []\n", "[a-z0-9-]+"},
      {"seeds not strings", "[[sites]]\nname = \"a\"\nkind = \"jobs\"\ncharset = \"utf-8\"\n"
                            "seeds = [1]\nfollow = []\nadverts = []\n", "seeds must be"},
      {"twice", valid + valid, "twice"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    auto parsed = ParseSiteCatalog(c.text, "sites.toml");
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().IsInvalidArgument());
    CHECK(parsed.status().message().find(c.message) != std::string::npos);
  }
}

}  // namespace
}  // namespace plainsight::demo
