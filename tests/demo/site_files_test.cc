// Tests for the target-to-file rule the exporter and the server share.
#include "demo/site_files.h"

#include <catch2/catch.hpp>

namespace plainsight::demo {
namespace {

TEST_CASE("FileForTarget_KeepsPathsAndPutsTheQueryInTheName") {
  CHECK(FileForTarget("/robots.txt") == "robots.txt");
  CHECK(FileForTarget("/ad/1234") == "ad/1234");
  CHECK(FileForTarget("/listings?page=2") == "listings%3Fpage=2");
  CHECK(FileForTarget("/vacancies/view?id=12") == "vacancies/view%3Fid=12");
  CHECK(FileForTarget("/companions/ava-123.html") == "companions/ava-123.html");
}

TEST_CASE("FileForTarget_FolderTargetsAreTheirIndex") {
  CHECK(FileForTarget("/") == "index.html");
  CHECK(FileForTarget("/browse/") == "browse/index.html");
}

TEST_CASE("FileForTarget_RefusesWhatCouldLeaveTheFolder") {
  for (const char* target : {"", "robots.txt", "/../secret", "/a/../../secret", "/./robots.txt", "/a//b",
                             "//etc/passwd", "/a\\b", "/ad/..", "/q?x=/../../secret"}) {
    CAPTURE(target);
    CHECK(FileForTarget(target).empty());
  }
  CHECK(FileForTarget(std::string_view("/a\0b", 4)).empty());
}

TEST_CASE("ContentTypeFor_TextAndXmlAreUtf8_PagesTakeTheSiteCharset") {
  CHECK(ContentTypeFor("robots.txt", "windows-1252") == "text/plain; charset=utf-8");
  CHECK(ContentTypeFor("sitemap.xml", "windows-1252") == "application/xml; charset=utf-8");
  CHECK(ContentTypeFor("ad/12", "windows-1252") == "text/html; charset=windows-1252");
  CHECK(ContentTypeFor("index.html", "utf-8") == "text/html; charset=utf-8");
}

}  // namespace
}  // namespace plainsight::demo
