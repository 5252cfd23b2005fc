#include "extractors/addresses.h"

#include <re2/re2.h>

#include <array>
#include <utility>

#include "core/strings.h"
#include "extractors/text_normalize.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

struct Suffix {
  std::string_view written;  // lower case, as matched
  std::string_view full;     // normalised
};

constexpr std::array<Suffix, 48> kSuffixes = {{
    {"road", "ROAD"},
    {"rd", "ROAD"},
    {"street", "STREET"},
    {"st", "STREET"},
    {"lane", "LANE"},
    {"ln", "LANE"},
    {"avenue", "AVENUE"},
    {"ave", "AVENUE"},
    {"av", "AVENUE"},
    {"close", "CLOSE"},
    {"cl", "CLOSE"},
    {"drive", "DRIVE"},
    {"dr", "DRIVE"},
    {"way", "WAY"},
    {"court", "COURT"},
    {"ct", "COURT"},
    {"crescent", "CRESCENT"},
    {"cres", "CRESCENT"},
    {"place", "PLACE"},
    {"pl", "PLACE"},
    {"terrace", "TERRACE"},
    {"terr", "TERRACE"},
    {"tce", "TERRACE"},
    {"grove", "GROVE"},
    {"gr", "GROVE"},
    {"gardens", "GARDENS"},
    {"gdns", "GARDENS"},
    {"park", "PARK"},
    {"pk", "PARK"},
    {"square", "SQUARE"},
    {"sq", "SQUARE"},
    {"hill", "HILL"},
    {"row", "ROW"},
    {"walk", "WALK"},
    {"mews", "MEWS"},
    {"parade", "PARADE"},
    {"pde", "PARADE"},
    {"green", "GREEN"},
    {"rise", "RISE"},
    {"view", "VIEW"},
    {"yard", "YARD"},
    {"wharf", "WHARF"},
    {"boulevard", "BOULEVARD"},
    {"gate", "GATE"},
    {"end", "END"},
    {"vale", "VALE"},
    {"broadway", "BROADWAY"},
    {"circus", "CIRCUS"},
}};

// First words that make "5 Minute Walk" or "2 Bed Close" a phrase, not a street.
bool IsStopWord(std::string_view lower) {
  static constexpr std::array<std::string_view, 16> kStop = {
      "minute", "minutes", "min",  "mins", "hour",  "hours", "mile", "miles",
      "bed",    "bedroom", "days", "day",  "weeks", "week",  "am",   "pm"};
  for (std::string_view w : kStop) {
    if (w == lower) return true;
  }
  return false;
}

std::string_view FullSuffix(std::string_view lower) {
  for (const Suffix& s : kSuffixes) {
    if (s.written == lower) return s.full;
  }
  return {};
}

// Number (optionally "14a" or "14-16"), one to three capitalised name words,
// then a suffix in any case. The fewest name words win, so in
// "14 St Mary's Road" the "St" is read as part of the name.
std::string AddressPattern() {
  std::string suffixes;
  for (const Suffix& s : kSuffixes) {
    if (!suffixes.empty()) suffixes += '|';
    suffixes += s.written;
  }
  return R"((?:^|[^\w])(\d{1,4}(?: ?[A-Za-z]\b)?(?:-\d{1,4})?),? ((?:[A-Z][A-Za-z']* ){1,3}?)((?i:)" +
         suffixes + R"())\b(\.)?)";
}

// What may follow a house number up to the end of the street's suffix:
// letters (any non-ASCII byte, as case folding admits 'ſ' and the Kelvin
// sign), spaces, apostrophes and the comma after the number.
bool MayFollowNumber(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'' || c == ',' ||
         c >= 0x80;
}

// A match starts with the one character before the number and holds digits
// at most " a-" apart; past MayFollowNumber's run only the final '.' is left.
constexpr DigitReach kAddressReach{8, 8, MayFollowNumber};

}  // namespace

std::vector<AddressMatch> FindStreetAddresses(std::string_view text) {
  return FindStreetAddresses(text, NormalizeForMatching(text));
}

std::vector<AddressMatch> FindStreetAddresses(std::string_view text, const NormalizedText& norm) {
  // Number (optionally "14a" or "14-16"), then one to three capitalised name
  // words, then a capitalised suffix. Word edges are checked by hand below.
  static const RE2 kAddress(AddressPattern());
  WindowedSearch search(kAddress, norm.text, DigitWindows(norm.text, kAddressReach));
  std::vector<AddressMatch> out;
  re2::StringPiece g[5];
  size_t pos = 0;
  while (pos < norm.text.size() && search.Match(pos, g, 5)) {
    const size_t begin = static_cast<size_t>(g[1].data() - norm.text.data());
    const size_t suffix_end = static_cast<size_t>(g[3].data() + g[3].size() - norm.text.data());
    std::string_view suffix_full =
        FullSuffix(ToLowerAscii(std::string_view(g[3].data(), g[3].size())));
    std::string_view name(g[2].data(), g[2].size());
    while (!name.empty() && IsAsciiSpace(name.back())) {
      name.remove_suffix(1);
    }
    const std::string first_word = ToLowerAscii(name.substr(0, name.find(' ')));
    if (suffix_full.empty() || IsStopWord(first_word)) {
      // Retry from just after the number so "10 Days In Mill Road" can still match later.
      pos = begin + g[1].size();
      continue;
    }
    const size_t end = g[4].empty() ? suffix_end : suffix_end + 1;
    pos = end;

    std::string number;
    for (char c : std::string_view(g[1].data(), g[1].size())) {
      if (!IsAsciiSpace(c)) number.push_back(c);
    }
    std::string collapsed_name;
    for (char c : name) {
      if (IsAsciiSpace(c)) {
        if (!collapsed_name.empty() && collapsed_name.back() != ' ') collapsed_name.push_back(' ');
      } else {
        collapsed_name.push_back(c);
      }
    }
    AddressMatch match;
    match.address =
        ToUpperAscii(number) + " " + ToUpperAscii(collapsed_name) + " " + std::string(suffix_full);
    match.match = std::string(norm.OriginalSpan(text, begin, end));
    match.offset = norm.ToOriginal(begin);
    out.push_back(std::move(match));
  }
  return out;
}

}  // namespace plainsight
