// Whole-page extraction (extractors/advert_extractor.h) on arbitrary bytes,
// with the shipped indicator packs (config/patterns/*.toml, loaded once).
// Input: first line = the Content-Type header (so the charset path is
// fuzzed: "text/html; charset=windows-1252", "...utf-16le", junk labels),
// the rest = the body as received, any bytes.
//
// Each input runs through a jobs extractor with site field selectors and an
// adult extractor without, then ExtractLinks.
//
// Properties: nothing crashes; ToUtf8 always yields valid UTF-8 (charset.h),
// and so do the extracted title and text (they end up in JSON output, which
// rejects invalid UTF-8); every phone is E.164; every pay amount is finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "extractors/advert_extractor.h"
#include "extractors/charset.h"
#include "patterns/pattern_set.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

constexpr std::string_view kToday = "2026-11-28";

std::shared_ptr<const plainsight::AdvertExtractor> MakeExtractor(
    const std::string& kind, plainsight::FieldSelectors fields,
    std::shared_ptr<const plainsight::PatternSet> patterns) {
  plainsight::ExtractorOptions options;
  options.kind = kind;
  options.fields = std::move(fields);
  options.default_town = "Northampton";
  auto extractor = plainsight::AdvertExtractor::Create(std::move(options), std::move(patterns));
  if (!extractor.ok()) {
    std::fprintf(stderr, "html_fuzzer: %s\n", extractor.status().ToString().c_str());
    std::abort();
  }
  return *extractor;
}

struct Extractors {
  std::shared_ptr<const plainsight::AdvertExtractor> jobs;
  std::shared_ptr<const plainsight::AdvertExtractor> adult;
};

// Built on first use and kept: the packs take far longer to compile than
// one input takes to extract.
const Extractors& SharedExtractors() {
  static const Extractors* extractors = [] {
    auto patterns = plainsight::PatternSet::LoadFiles(
        {PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml",
         PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"});
    if (!patterns.ok()) {
      std::fprintf(stderr, "html_fuzzer: %s\n", patterns.status().ToString().c_str());
      std::abort();
    }
    plainsight::FieldSelectors job_fields;
    job_fields.title = "h1.ad-title";
    job_fields.body = "div.description";
    job_fields.location = "span.location";
    job_fields.posted = "time";
    return new Extractors{MakeExtractor("jobs", job_fields, *patterns),
                          MakeExtractor("adult", {}, *patterns)};
  }();
  return *extractors;
}

bool IsValidUtf8(std::string_view text) { return plainsight::SanitizeUtf8(text) == text; }

void CheckExtraction(const plainsight::AdvertExtraction& x) {
  FUZZ_CHECK(IsValidUtf8(x.title), "extracted title must be valid UTF-8");
  FUZZ_CHECK(IsValidUtf8(x.text), "extracted text must be valid UTF-8");
  for (const plainsight::ExtractedPhone& phone : x.phones) {
    FUZZ_CHECK(phone.e164.size() > 1 && phone.e164[0] == '+', "phone e164 must start with '+'");
  }
  for (const plainsight::ExtractedPay& pay : x.pay) {
    FUZZ_CHECK(std::isfinite(pay.amount), "pay amount must be finite");
    if (pay.hourly) FUZZ_CHECK(std::isfinite(*pay.hourly), "hourly pay must be finite");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [content_type, body] = plainsight::fuzz::SplitFirstLine(plainsight::fuzz::AsText(data, size));
  const Extractors& extractors = SharedExtractors();

  std::string charset;
  std::string utf8 = plainsight::ToUtf8(body, content_type, &charset);
  FUZZ_CHECK(IsValidUtf8(utf8), "ToUtf8 must always return valid UTF-8");
  FUZZ_CHECK(!charset.empty(), "ToUtf8 must name the charset it used");

  CheckExtraction(extractors.jobs->Extract(body, content_type, kToday));
  CheckExtraction(extractors.adult->Extract(body, content_type, kToday));

  std::string base_href;
  std::string canonical;
  (void)extractors.jobs->ExtractLinks(body, content_type, &base_href, &canonical);
  return 0;
}
