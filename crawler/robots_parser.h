// robots.txt parsing (RFC 9309), separated from matching.
//
// ParseRobotsTxt walks a robots.txt body line by line and reports each
// record to a RobotsParseHandler, in the manner of google/robotstxt's
// robots.h: the same parser feeds rule matching (robots_rules.h) and any
// reporting a caller wants (for example listing sitemaps or odd lines).
//
// Leniency, as the big crawlers practise it: a UTF-8 byte order mark is
// skipped; lines end at LF, CR or CRLF; '#' starts a comment; keys are
// case-insensitive and matched by prefix; a missing colon is tolerated when
// the line is exactly "key value" ("Disallow /x"); common misspellings
// ("dissallow", "user agent", "useragent", "site-map", "crawldelay") are
// accepted. Only the first kMaxRobotsBodyBytes are read (RFC 9309 section
// 2.5), and a line cut by that limit is dropped rather than half-read.
//
// Thread safety: ParseRobotsTxt keeps no state between calls. The handler is
// owned by the caller and is called from the calling thread only.
#pragma once

#include <cstddef>
#include <string_view>

namespace plainsight {

// 500 KiB: the least a crawler must parse (RFC 9309 section 2.5).
inline constexpr size_t kMaxRobotsBodyBytes = 500 * 1024;

// Receives the records of one robots.txt body, in file order. Line numbers
// start at 1; a CRLF pair counts as one line end. Values are trimmed of
// surrounding whitespace and comments, otherwise untouched.
class RobotsParseHandler {
 public:
  virtual ~RobotsParseHandler() = default;
  virtual void HandleRobotsStart() = 0;
  virtual void HandleRobotsEnd() = 0;
  virtual void HandleUserAgent(int line_num, std::string_view value) = 0;
  virtual void HandleAllow(int line_num, std::string_view value) = 0;
  virtual void HandleDisallow(int line_num, std::string_view value) = 0;
  virtual void HandleSitemap(int line_num, std::string_view value) = 0;
  virtual void HandleCrawlDelay(int line_num, std::string_view value) = 0;
  // Any other "key: value" line, such as "Host:" or "Clean-param:".
  virtual void HandleUnknownAction(int line_num, std::string_view action,
                                   std::string_view value) = 0;
};

// Parses `body` and calls `handler` (not owned, must not be null) for every
// record, between one HandleRobotsStart and one HandleRobotsEnd.
void ParseRobotsTxt(std::string_view body, RobotsParseHandler* handler);

}  // namespace plainsight
