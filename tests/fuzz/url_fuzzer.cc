// URL parsing, normalisation and resolution (crawler/url.h).
// Input: first line = base URL, the rest = an href to resolve against it and
// to parse on its own. With no newline the whole input is the href and the
// base is a fixed page.
//
// Properties (each is what the crawler's dedupe relies on):
//   NormalizeUrl is idempotent: Normalize(Normalize(x)) == Normalize(x).
//   A normalised URL parses again; ResolveUrl's output is already normal.
//   NormalizePercentEncoding is idempotent, and NeedsPercentNormalization
//   says exactly whether it would change its input.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crawler/url.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

constexpr std::string_view kDefaultBase = "https://example.org/listings/page?id=1";

void CheckNormalizeIdempotent(std::string_view input) {
  std::optional<std::string> once = plainsight::NormalizeUrl(input);
  if (!once) return;
  std::optional<std::string> twice = plainsight::NormalizeUrl(*once);
  FUZZ_CHECK(twice.has_value(), "a normalised URL must parse again");
  FUZZ_CHECK(*twice == *once, "NormalizeUrl must be idempotent");

  std::optional<plainsight::Url> url = plainsight::ParseUrl(*once);
  FUZZ_CHECK(url.has_value(), "ParseUrl must accept what NormalizeUrl returned");
  FUZZ_CHECK(!url->path.empty() && url->path[0] == '/', "Url::path starts with '/'");
  FUZZ_CHECK(url->port > 0 && url->port <= 65535, "Url::port is a valid port");
  (void)url->HostPort();
  (void)url->Origin();
  (void)url->PathAndQuery();
  FUZZ_CHECK(plainsight::IsSameSite(*url, *url), "a URL is on its own site");

  static const std::vector<std::string> kStrip = {"utm_*", "ref", "sort"};
  std::string stripped = plainsight::StripQueryParams(*once, kStrip);
  FUZZ_CHECK(plainsight::StripQueryParams(stripped, kStrip) == stripped,
             "StripQueryParams must be idempotent");
}

void CheckPercentEncoding(std::string_view input) {
  std::string once = plainsight::NormalizePercentEncoding(input);
  FUZZ_CHECK(plainsight::NeedsPercentNormalization(input) == (once != input),
             "NeedsPercentNormalization must say whether NormalizePercentEncoding changes text");
  FUZZ_CHECK(plainsight::NormalizePercentEncoding(once) == once,
             "NormalizePercentEncoding must be idempotent");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = plainsight::fuzz::AsText(data, size);
  auto [base, href] = plainsight::fuzz::SplitFirstLine(text);
  if (base.empty()) base = kDefaultBase;

  CheckNormalizeIdempotent(href);
  CheckNormalizeIdempotent(base);
  CheckPercentEncoding(href);

  std::optional<std::string> resolved = plainsight::ResolveUrl(base, href);
  if (resolved) {
    std::optional<std::string> again = plainsight::NormalizeUrl(*resolved);
    FUZZ_CHECK(again.has_value(), "ResolveUrl's result must parse");
    FUZZ_CHECK(*again == *resolved, "ResolveUrl's result must already be normal");
  }
  return 0;
}
