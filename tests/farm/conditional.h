// Conditional GET for advert pages (RFC 9110 section 13): a strong ETag
// from the page bytes, Last-Modified from the advert's farm dates, and
// the check that turns a matching If-None-Match / If-Modified-Since into
// 304 Not Modified. Pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace plainsight::farm {

// "\"<16 hex digits>\"": FNV-1a 64 of the body, so any edit changes it.
std::string EtagFor(std::string_view body);

// Seconds since the epoch of 09:00 UTC on "YYYY-MM-DD".
std::int64_t UnixAtNine(const std::string& iso_date);
// 09:00 UTC on farm day `day` (day 1 is 2026-12-01, after every posted date).
std::int64_t FarmDayUnix(int day);

// IMF-fixdate: "Tue, 01 Dec 2026 09:00:00 GMT".
std::string HttpDate(std::int64_t unix_seconds);
// "2026-12-01" (UTC), for sitemap <lastmod>.
std::string IsoDate(std::int64_t unix_seconds);
// -1 if `text` is not an IMF-fixdate.
std::int64_t ParseHttpDate(const std::string& text);

// True if the request's validators say the client's copy is current.
// If-None-Match wins over If-Modified-Since when both are sent.
bool NotModified(const std::string& if_none_match, const std::string& if_modified_since,
                 const std::string& etag, std::int64_t last_modified);

}  // namespace plainsight::farm
