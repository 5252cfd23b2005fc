// Tests for StaticSiteServer: a site's folder served on 127.0.0.1, its own
// address written into the pages, and 404 for whatever is not there.
#include "demo/static_site_server.h"

#include <catch2/catch.hpp>

#include "demo/site_files.h"
#include "tests/demo/demo_test_support.h"

namespace plainsight::demo {
namespace {

using testing::Fetch;

// A folder shaped like an exported site.
void WriteSite(const std::string& dir) {
  testing::WriteFile(dir, "robots.txt", "User-agent: *\nDisallow: /private/\n");
  testing::WriteFile(dir, "index.html", "<h1>Home</h1>");
  testing::WriteFile(dir, FileForTarget("/listings?page=2"),
                     std::string("<a href=\"") + kBaseUrlToken + "/ad/12\">one</a> <a href=\"" +
                         kBaseUrlToken + "/ad/13\">two</a>");
  testing::WriteFile(dir, "ad/12", "<p>Call 07700 900123</p>");
  testing::WriteFile(dir, "private/ad/14", "<p>kept out by robots.txt, served all the same</p>");
}

TEST_CASE("StaticSiteServer_ServesTheFolderAndRobotsTxtOnLoopback") {
  testing::TempDir dir;
  WriteSite(dir.path());
  StaticSiteServer server(dir.path(), "windows-1252");
  REQUIRE(server.Start().ok());
  CHECK(server.port() > 0);
  CHECK(server.base_url() == "http://127.0.0.1:" + std::to_string(server.port()));
  CHECK(server.page_count() == 5);

  auto robots = Fetch(server.port(), "/robots.txt");
  CHECK(robots.status == 200);
  CHECK(robots.content_type == "text/plain; charset=utf-8");
  CHECK(robots.body == "User-agent: *\nDisallow: /private/\n");

  auto home = Fetch(server.port(), "/");
  CHECK(home.status == 200);
  CHECK(home.content_type == "text/html; charset=windows-1252");
  CHECK(home.body == "<h1>Home</h1>");

  CHECK(Fetch(server.port(), "/ad/12").body == "<p>Call 07700 900123</p>");
  CHECK(Fetch(server.port(), "/private/ad/14").status == 200);
}

TEST_CASE("StaticSiteServer_WritesItsOwnAddressWhereThePagesSayBaseUrl") {
  testing::TempDir dir;
  WriteSite(dir.path());
  StaticSiteServer server(dir.path(), "utf-8");
  REQUIRE(server.Start().ok());
  auto listing = Fetch(server.port(), "/listings?page=2");
  CHECK(listing.status == 200);
  CHECK(listing.body == "<a href=\"" + server.base_url() + "/ad/12\">one</a> <a href=\"" + server.base_url() +
                            "/ad/13\">two</a>");
}

TEST_CASE("StaticSiteServer_404sWhatIsAbsent") {
  testing::TempDir dir;
  const std::string site = dir.path() + "/site";
  WriteSite(site);
  testing::WriteFile(dir.path(), "outside-the-site", "secret");
  StaticSiteServer server(site, "utf-8");
  REQUIRE(server.Start().ok());
  for (const char* target : {"/absent", "/ad/13", "/listings?page=9", "/listings", "/ad", "/ad/",
                             "/ad/12?x=1", "/../outside-the-site", "/sitemap.xml"}) {
    CAPTURE(target);
    auto reply = Fetch(server.port(), target);
    CHECK(reply.status == 404);
    CHECK(reply.body == "not found\n");
  }
}

TEST_CASE("StaticSiteServer_AnswersHead_RefusesOtherMethods") {
  testing::TempDir dir;
  WriteSite(dir.path());
  StaticSiteServer server(dir.path(), "utf-8");
  REQUIRE(server.Start().ok());
  auto head = Fetch(server.port(), "/robots.txt", "HEAD");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(Fetch(server.port(), "/robots.txt", "POST").status == 405);
}

TEST_CASE("StaticSiteServer_ReadsTheFolderOnceAtStart") {
  testing::TempDir dir;
  WriteSite(dir.path());
  StaticSiteServer server(dir.path(), "utf-8");
  REQUIRE(server.Start().ok());
  testing::WriteFile(dir.path(), "added-later", "too late");
  CHECK(Fetch(server.port(), "/added-later").status == 404);
}

TEST_CASE("StaticSiteServer_MissingFolderIsAnError_StopIsSafeTwice_StartIsOnce") {
  testing::TempDir dir;
  StaticSiteServer missing(dir.path() + "/no-such-site", "utf-8");
  Status status = missing.Start();
  CHECK(status.IsNotFound());
  CHECK(status.message().find("no-such-site") != std::string::npos);

  WriteSite(dir.path());
  StaticSiteServer server(dir.path(), "utf-8");
  REQUIRE(server.Start().ok());
  const int port = server.port();
  server.Stop();
  server.Stop();
  CHECK(Fetch(port, "/robots.txt").status == 0);
  CHECK(server.Start().IsInvalidArgument());
}

}  // namespace
}  // namespace plainsight::demo
