#include "extractors/phone_matcher.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumbermatch.h>
#include <phonenumbers/phonenumbermatcher.h>
#include <phonenumbers/phonenumberutil.h>
#include <utf8proc.h>

#include <algorithm>
#include <string>
#include <utility>

#include "core/strings.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

using i18n::phonenumbers::PhoneNumberMatch;
using i18n::phonenumbers::PhoneNumberMatcher;
using i18n::phonenumbers::PhoneNumberUtil;

// Bytes of text kept either side of a cluster: the matcher rejects a number
// touching a letter or a currency sign, and reads a little beyond it for
// dates and times ("2012-01-02 08:00").
constexpr size_t kContext = 32;

// Candidates the matcher may try per window; a window holds one cluster or
// a few near ones, so more is only spent on long digit soup.
constexpr int kMaxTries = 32;

// What may sit between the digits of one number as the matcher reads it
// (normalized text has folded other dashes and spaces to these).
bool IsPhonePunctuation(char c) {
  switch (c) {
    case ' ':
    case '-':
    case '.':
    case '(':
    case ')':
    case '/':
    case '+':
    case '[':
    case ']':
    case '~':
      return true;
    default:
      return false;
  }
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

struct Window {
  size_t begin;
  size_t end;
};

// Windows around every cluster of digits and phone punctuation that holds
// at least kMinMatcherDigits digits outside `settled`, merged where they
// overlap, starting and ending on UTF-8 code point boundaries.
std::vector<Window> ClusterWindows(std::string_view text, const std::vector<DecoySpan>& settled) {
  std::vector<Window> windows;
  size_t next_settled = 0;  // first span of `settled` not yet passed
  size_t pos = NextDigit(text, 0);
  while (pos < text.size()) {
    size_t begin = pos;
    while (begin > 0 && IsPhonePunctuation(text[begin - 1])) --begin;
    size_t digits = 0;
    size_t end = pos;
    while (end < text.size() && (IsAsciiDigit(text[end]) || IsPhonePunctuation(text[end]))) {
      while (next_settled < settled.size() && settled[next_settled].end <= end) ++next_settled;
      const bool is_settled = next_settled < settled.size() && settled[next_settled].begin <= end;
      if (IsAsciiDigit(text[end]) && !is_settled) ++digits;
      ++end;
    }
    if (digits >= kMinMatcherDigits) {
      size_t from = begin > kContext ? begin - kContext : 0;
      while (from < begin && IsContinuationByte(text[from])) ++from;
      size_t to = std::min(text.size(), end + kContext);
      while (to > end && to < text.size() && IsContinuationByte(text[to])) --to;
      if (!windows.empty() && from <= windows.back().end) {
        windows.back().end = to;
      } else {
        windows.push_back({from, to});
      }
    }
    pos = NextDigit(text, end);
  }
  return windows;
}

// The matcher finds nothing at all in text that is not valid UTF-8, and
// normalized text passes invalid bytes through; each becomes '?', which
// keeps every offset.
std::string ValidUtf8(std::string_view text) {
  std::string out(text);
  size_t pos = 0;
  while (pos < out.size()) {
    if (static_cast<unsigned char>(out[pos]) < 0x80) {
      ++pos;
      continue;
    }
    utf8proc_int32_t code_point = 0;
    const utf8proc_ssize_t length =
        utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(out.data() + pos),
                         static_cast<utf8proc_ssize_t>(out.size() - pos), &code_point);
    if (length <= 0) {
      out[pos] = '?';
      ++pos;
    } else {
      pos += static_cast<size_t>(length);
    }
  }
  return out;
}

}  // namespace

std::vector<MatcherHit> MatchPhoneNumbers(std::string_view normalized, const std::string& region,
                                          const std::vector<DecoySpan>& settled) {
  std::vector<MatcherHit> hits;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  for (const Window& window : ClusterWindows(normalized, settled)) {
    const std::string text = ValidUtf8(normalized.substr(window.begin, window.end - window.begin));
    PhoneNumberMatcher matcher(util, text, region, PhoneNumberMatcher::VALID, kMaxTries);
    PhoneNumberMatch match;
    while (matcher.HasNext() && matcher.Next(&match)) {
      MatcherHit hit;
      util.Format(match.number(), PhoneNumberUtil::E164, &hit.e164);
      // Offsets are UTF-8 bytes of what the matcher was given.
      hit.begin = window.begin + static_cast<size_t>(match.start());
      hit.end = hit.begin + static_cast<size_t>(match.length());
      hits.push_back(std::move(hit));
    }
  }
  return hits;
}

}  // namespace plainsight
