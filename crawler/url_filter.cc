#include "crawler/url_filter.h"

#include <map>

namespace plainsight {

UrlVerdict CheckUrlTraps(std::string_view url, size_t max_length) {
  if (url.size() > max_length) return UrlVerdict::kTooLong;
  size_t scheme = url.find("://");
  size_t path_start = scheme == std::string_view::npos ? 0 : url.find('/', scheme + 3);
  if (path_start == std::string_view::npos) return UrlVerdict::kOk;
  size_t path_end = url.find_first_of("?#", path_start);
  std::string_view path = url.substr(path_start, path_end - path_start);
  std::vector<std::string_view> segments;
  for (size_t i = 1; i <= path.size();) {
    size_t next = path.find('/', i);
    if (next == std::string_view::npos) next = path.size();
    if (next > i) segments.push_back(path.substr(i, next - i));
    i = next + 1;
  }
  if (segments.size() > 24) return UrlVerdict::kTooDeepPath;
  std::map<std::string_view, int> counts;
  int run = 1;
  for (size_t i = 0; i < segments.size(); ++i) {
    run = i > 0 && segments[i] == segments[i - 1] ? run + 1 : 1;
    if (run >= 3) return UrlVerdict::kRepeatedSegments;
    if (++counts[segments[i]] >= 4) return UrlVerdict::kRepeatedSegments;
  }
  return UrlVerdict::kOk;
}

const char* UrlVerdictName(UrlVerdict verdict) {
  switch (verdict) {
    case UrlVerdict::kOk: return "ok";
    case UrlVerdict::kTooLong: return "URL too long";
    case UrlVerdict::kRepeatedSegments: return "repeated path segments (crawler trap)";
    case UrlVerdict::kTooDeepPath: return "path too deep (crawler trap)";
  }
  return "?";
}

}  // namespace plainsight
