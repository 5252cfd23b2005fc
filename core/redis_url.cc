#include "core/redis_url.h"

#include <cstddef>

namespace plainsight {
namespace {

constexpr std::string_view kScheme = "redis://";

bool IsHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '-' || c == '_';
}

bool StartsWithSchemeIgnoringCase(std::string_view text) {
  if (text.size() < kScheme.size()) return false;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kScheme[i]) return false;
  }
  return true;
}

// A decimal number of at most `max_digits` digits; false on anything else
// (sign, spaces, empty), so "+1" or "0x10" never slip through.
bool ParseDecimal(std::string_view digits, std::size_t max_digits, int* out) {
  if (digits.empty() || digits.size() > max_digits) return false;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

Status Refuse(std::string_view text, std::string_view why) {
  return Status::InvalidArgument("redis URL \"" + std::string(text) + "\": " + std::string(why) +
                                 " (expected redis://host[:port][/db])");
}

}  // namespace

std::string RedisUrl::HostPort() const { return host + ":" + std::to_string(port); }

std::string RedisUrl::ToString() const {
  return std::string(kScheme) + HostPort() + "/" + std::to_string(db);
}

Result<RedisUrl> ParseRedisUrl(std::string_view text) {
  if (!StartsWithSchemeIgnoringCase(text)) return Refuse(text, "the scheme must be redis://");
  std::string_view rest = text.substr(kScheme.size());
  if (rest.find('@') != std::string_view::npos) {
    return Refuse(text, "user names and passwords are not supported");
  }
  if (rest.find_first_of("?#") != std::string_view::npos) {
    return Refuse(text, "query strings and fragments are not supported");
  }
  if (!rest.empty() && rest.front() == '[') {
    return Refuse(text, "IPv6 literals are not supported");
  }

  RedisUrl url;
  std::string_view authority = rest;
  if (std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
    authority = rest.substr(0, slash);
    std::string_view db = rest.substr(slash + 1);
    if (!ParseDecimal(db, 6, &url.db)) return Refuse(text, "the db must be a number 0..999999");
  }
  std::string_view host = authority;
  if (std::size_t colon = authority.find(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    if (!ParseDecimal(authority.substr(colon + 1), 5, &url.port) || url.port < 1 ||
        url.port > 65535) {
      return Refuse(text, "the port must be a number 1..65535");
    }
  }
  if (host.empty()) return Refuse(text, "the host is empty");
  for (char c : host) {
    if (!IsHostChar(c)) return Refuse(text, "the host has a character other than a-z 0-9 . - _");
  }
  url.host = std::string(host);
  return url;
}

}  // namespace plainsight
