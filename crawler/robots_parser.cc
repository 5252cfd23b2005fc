#include "crawler/robots_parser.h"

#include "core/strings.h"

namespace plainsight {

namespace {

bool StartsWithAnyIgnoreCase(std::string_view text, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (StartsWithIgnoreCaseAscii(text, key)) return true;
  }
  return false;
}

// Splits a line (comment already removed) into key and value. Returns false
// for blank lines and lines that are not a record.
bool SplitRecord(std::string_view line, std::string_view* key, std::string_view* value) {
  line = TrimAsciiBlank(line);
  size_t separator = line.find(':');
  if (separator == std::string_view::npos) {
    // Tolerate "Disallow /x", but only with exactly two words: anything
    // longer is more likely prose than a record.
    separator = line.find_first_of(" \t");
    if (separator == std::string_view::npos) return false;
    const std::string_view after = TrimAsciiBlank(line.substr(separator));
    if (after.find_first_of(" \t") != std::string_view::npos) return false;
  }
  *key = TrimAsciiBlank(line.substr(0, separator));
  *value = TrimAsciiBlank(line.substr(separator + 1));
  return !key->empty();
}

void EmitLine(int line_num, std::string_view line, RobotsParseHandler* handler) {
  const size_t comment = line.find('#');
  if (comment != std::string_view::npos) line = line.substr(0, comment);
  std::string_view key;
  std::string_view value;
  if (!SplitRecord(line, &key, &value)) return;
  if (StartsWithAnyIgnoreCase(key, {"user-agent", "useragent", "user agent"})) {
    handler->HandleUserAgent(line_num, value);
  } else if (StartsWithIgnoreCaseAscii(key, "allow")) {
    handler->HandleAllow(line_num, value);
  } else if (StartsWithAnyIgnoreCase(key, {"disallow", "dissallow", "dissalow", "disalow",
                                           "diasllow", "disallaw"})) {
    handler->HandleDisallow(line_num, value);
  } else if (StartsWithAnyIgnoreCase(key, {"sitemap", "site-map"})) {
    handler->HandleSitemap(line_num, value);
  } else if (StartsWithAnyIgnoreCase(key, {"crawl-delay", "crawldelay", "crawl delay"})) {
    handler->HandleCrawlDelay(line_num, value);
  } else {
    handler->HandleUnknownAction(line_num, key, value);
  }
}

// The part of `body` that is read: at most kMaxRobotsBodyBytes, ending at
// the last line break inside the limit so no record is cut in half (a cut
// "Disallow: /private" would block "/p...").
std::string_view WithinSizeLimit(std::string_view body) {
  if (body.size() <= kMaxRobotsBodyBytes) return body;
  const size_t last_break = body.substr(0, kMaxRobotsBodyBytes).find_last_of("\r\n");
  if (last_break == std::string_view::npos) return {};
  return body.substr(0, last_break + 1);
}

std::string_view SkipByteOrderMark(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  return body;
}

}  // namespace

void ParseRobotsTxt(std::string_view body, RobotsParseHandler* handler) {
  handler->HandleRobotsStart();
  body = SkipByteOrderMark(WithinSizeLimit(body));
  int line_num = 0;
  size_t start = 0;
  while (start <= body.size()) {
    const size_t end = body.find_first_of("\r\n", start);
    const size_t line_end = end == std::string_view::npos ? body.size() : end;
    EmitLine(++line_num, body.substr(start, line_end - start), handler);
    if (end == std::string_view::npos) break;
    start = end + 1;
    if (body[end] == '\r' && start < body.size() && body[start] == '\n') ++start;  // CRLF
  }
  handler->HandleRobotsEnd();
}

}  // namespace plainsight
