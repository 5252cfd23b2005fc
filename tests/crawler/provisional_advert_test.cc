// The note kept with an advert parsed before its site's chrome was learnt.
#include "crawler/provisional_advert.h"

#include <catch2/catch.hpp>

namespace plainsight {
namespace {

TEST_CASE("ProvisionalPage_Codec_RoundTripsAnyBody") {
  static const ProvisionalPage kPages[] = {
      {"shire-jobs", "text/html; charset=windows-1252", "2026-11-28",
       "<p>\xA3"
       "9 an hour</p>"},
      {"s", "", "2026-01-01", ""},
      {"s", "text/html", "2026-01-01", "line one\nline two\n\n\x01tail"},
  };
  for (const ProvisionalPage& page : kPages) {
    CAPTURE(page.site, page.content_type);
    ProvisionalPage back;
    REQUIRE(DecodeProvisionalPage(EncodeProvisionalPage(page), &back));
    CHECK(back.site == page.site);
    CHECK(back.content_type == page.content_type);
    CHECK(back.today == page.today);
    CHECK(back.body == page.body);
  }
}

TEST_CASE("ProvisionalPage_Codec_NewlineInAHeaderCannotShiftTheBody") {
  ProvisionalPage back;
  REQUIRE(DecodeProvisionalPage(
      EncodeProvisionalPage({"site", "text/html\nX-Evil: 1", "2026-11-28", "<p>body</p>"}), &back));
  CHECK(back.content_type == "text/html X-Evil: 1");
  CHECK(back.body == "<p>body</p>");
}

TEST_CASE("ProvisionalPage_Codec_RejectsTruncatedNotes") {
  static const char* const kBroken[] = {"", "site", "site\ntext/html", "site\ntext/html\n2026"};
  for (const char* bytes : kBroken) {
    CAPTURE(bytes);
    ProvisionalPage back;
    CHECK_FALSE(DecodeProvisionalPage(bytes, &back));
  }
}

TEST_CASE("ProvisionalPage_Key_IsPrefixPlusAdvertId") {
  CHECK(ProvisionalKey("A-0123456789abcdef") ==
        std::string(kProvisionalPrefix) + "A-0123456789abcdef");
}

}  // namespace
}  // namespace plainsight
