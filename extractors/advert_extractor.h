// AdvertExtractor: everything one fetched page yields, in one call. The same
// path serves the crawler (every advert page) and `plainsight extract`, so
// an analyst sees exactly what the crawl saw.
//
// An AdvertExtractor is built once per site (it holds the site's parsed
// field selectors and a shared, read-only PatternSet) and is then safe to
// call from many threads at once: Extract() keeps no state between calls.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "extractors/boilerplate.h"
#include "extractors/gazetteer.h"
#include "patterns/pattern_set.h"

namespace plainsight {

struct ExtractedPhone {
  std::string e164;
  std::string match;
  bool obfuscated = false;
};

struct ExtractedEmail {
  std::string email;
  std::string match;
  bool obfuscated = false;
};

// A messaging identity (handles.h): "whatsapp:+447700900123",
// "telegram:@name", "snapchat:name", "signal:+44…" or "signal:name.42".
struct ExtractedHandle {
  std::string handle;
  std::string match;       // as written, or the link it came from
  bool from_link = false;  // found in an href
};

struct ExtractedPay {
  double amount = 0;  // for a range, its lower bound
  std::string per;
  std::optional<double> hourly;  // the lower bound's hourly rate, when hours are known
  std::string match;
  std::optional<double> amount_max;  // a range's upper bound; nullopt for one amount
  std::string currency = "GBP";      // ISO 4217
  bool up_to = false;                // "up to £X": a ceiling, not a rate to judge
};

// A `To` holding the pay fields of `from`, moved: a PayMatch (pay.h) into an
// ExtractedPay here, and an ExtractedPay into the store's PayRecord, which
// carries the same fields. One list, so a field added to the record is
// carried at every hand-over.
template <typename To, typename From>
To MovePayFields(From from) {
  To to;
  to.amount = from.amount;
  to.per = std::move(from.per);
  to.hourly = from.hourly;
  to.match = std::move(from.match);
  to.amount_max = from.amount_max;
  to.currency = std::move(from.currency);
  to.up_to = from.up_to;
  return to;
}

struct AdvertExtraction {
  std::string charset;
  std::string title;
  std::string text;  // the visible text that patterns ran over
  std::string location;
  std::string posted;
  std::string salary;   // the site's salary field, as shown
  std::string company;  // the site's company field
  std::string contact;  // the site's contact field
  std::string canonical;
  std::vector<std::string> links;  // raw hrefs, document order
  std::string base_href;
  std::vector<ExtractedPhone> phones;
  std::vector<ExtractedEmail> emails;
  // A WhatsApp or Signal number is also in `phones`, so it links adverts
  // that give the number plainly.
  std::vector<ExtractedHandle> handles;
  std::vector<std::string> postcodes;
  std::vector<std::string> addresses;
  std::vector<std::string> towns;
  std::vector<ExtractedPay> pay;
  std::vector<int> ages;        // stated ages (adult adverts)
  std::vector<double> prices;   // stated prices (adult adverts)
  std::vector<IndicatorHit> indicators;
};

// What Extract() does with a site's boilerplate profile.
enum class ChromeMode {
  kLearnAndExclude,  // the page teaches the profile, then its chrome is left out
  kExcludeOnly,      // the profile is final: leave chrome out, learn nothing
};

struct ExtractorOptions {
  std::string kind;  // "jobs" | "adult": which indicators apply
  FieldSelectors fields;
  std::string phone_region = "GB";
  std::string currency = "GBP";  // of amounts without a sign in the salary field
  std::string default_town;  // the site's region, used when a page names none
  std::shared_ptr<const Gazetteer> gazetteer;  // null: towns only from the location field
};

// The options for one configured site: the one place the crawl and
// `extract --site` get them from, so both read a page the same way.
ExtractorOptions ExtractorOptionsForSite(const Config& config, const SiteConfig& site,
                                         std::shared_ptr<const Gazetteer> gazetteer);

class AdvertExtractor {
 public:
  // Fails with InvalidArgument if a field selector does not parse.
  static Result<std::shared_ptr<const AdvertExtractor>> Create(
      ExtractorOptions options, std::shared_ptr<const PatternSet> patterns);

  // `body` as received; `content_type` is the HTTP header (charset source).
  // `today` (YYYY-MM-DD) picks the minimum wage when the advert has no date.
  // With `boilerplate`, the site's chrome (blocks and contacts) is left out
  // of the text, entities and indicators, and with kLearnAndExclude the page
  // is learnt from first.
  AdvertExtraction Extract(std::string_view body, std::string_view content_type,
                           std::string_view today, SiteBoilerplate* boilerplate = nullptr,
                           ChromeMode mode = ChromeMode::kLearnAndExclude) const;

  // Links only, for listing pages: cheaper than Extract(). With
  // `boilerplate`, also learns the page's blocks and contacts as chrome
  // candidates.
  std::vector<std::string> ExtractLinks(std::string_view body, std::string_view content_type,
                                        std::string* base_href, std::string* canonical,
                                        SiteBoilerplate* boilerplate = nullptr) const;

  const ExtractorOptions& options() const { return options_; }

  ~AdvertExtractor();
  AdvertExtractor(const AdvertExtractor&) = delete;
  AdvertExtractor& operator=(const AdvertExtractor&) = delete;

 private:
  struct Impl;
  AdvertExtractor(ExtractorOptions options, std::shared_ptr<const PatternSet> patterns,
                  std::unique_ptr<Impl> impl);

  ExtractorOptions options_;
  std::shared_ptr<const PatternSet> patterns_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight
