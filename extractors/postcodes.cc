#include "extractors/postcodes.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "core/strings.h"
#include "extractors/text_normalize.h"
#include "extractors/windowed_search.h"

namespace plainsight {
namespace {

// Royal Mail's 121 geographic areas plus the Crown dependencies (GY, JE, IM).
constexpr std::array<std::string_view, 124> kAreas = {
    "AB", "AL", "B",  "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH",
    "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E",
    "EC", "EH", "EN", "EX", "FK", "FY", "G",  "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS",
    "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L",  "LA", "LD", "LE", "LL",
    "LN", "LS", "LU", "M",  "ME", "MK", "ML", "N",  "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX",
    "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",  "SA", "SE", "SG", "SK", "SL", "SM",
    "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW",
    "UB", "W",  "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE"};

bool IsKnownArea(std::string_view area) {
  return std::find(kAreas.begin(), kAreas.end(), area) != kAreas.end();
}

// Calls found(begin, end, postcode) for each postcode in `normalized`.
template <typename Found>
void ScanPostcodes(std::string_view normalized, Found found) {
  // Outward code, optional space, inward code (digit + two letters from the
  // set Royal Mail uses: no C, I, K, M, O, V). Edges must not touch other
  // letters or digits.
  static const RE2 kPostcode(
      R"((?i)(?:^|[^a-z0-9])((GIR) ?(0AA)|(([A-PR-UWYZ][A-HK-Y]?)[0-9](?:[0-9]|[A-HJKPSTUW]|[ABEHMNPRVWXY])?) ?([0-9][ABD-HJLNP-UW-Z]{2}))(?:[^a-z0-9]|$))");
  // Every postcode holds digits. Case folding lets 'K' and 'S' match 3- and
  // 2-byte letters, so a match starts at most 4 (edge) + 3 + 3 bytes before
  // its first digit ("GIR " is shorter) and ends at most 3 + 3 + 4 after its
  // last; digits inside one are at most a letter and a space apart.
  constexpr DigitReach kReach{16, 16};
  WindowedSearch search(kPostcode, normalized, DigitWindows(normalized, kReach));
  size_t pos = 0;
  while (pos < normalized.size()) {
    re2::StringPiece groups[7];
    if (!search.Match(pos, groups, 7)) break;
    const size_t begin = static_cast<size_t>(groups[1].data() - normalized.data());
    const size_t end = begin + groups[1].size();
    // Resume at the end of the postcode so a shared separator can start the next.
    pos = end;
    std::string postcode;
    if (!groups[2].empty()) {
      postcode = "GIR 0AA";
    } else {
      std::string area_code = ToUpperAscii(std::string_view(groups[5].data(), groups[5].size()));
      if (!IsKnownArea(area_code)) continue;
      postcode = ToUpperAscii(std::string_view(groups[4].data(), groups[4].size())) + " " +
                 ToUpperAscii(std::string_view(groups[6].data(), groups[6].size()));
    }
    found(begin, end, std::move(postcode));
  }
}

}  // namespace

std::vector<PostcodeMatch> FindPostcodes(std::string_view text) {
  return FindPostcodes(text, NormalizeForMatching(text));
}

std::vector<PostcodeMatch> FindPostcodes(std::string_view text, const NormalizedText& norm) {
  std::vector<PostcodeMatch> out;
  ScanPostcodes(norm.text, [&](size_t begin, size_t end, std::string postcode) {
    out.push_back({std::move(postcode), std::string(norm.OriginalSpan(text, begin, end)),
                   norm.ToOriginal(begin)});
  });
  return out;
}

std::vector<PostcodeMatch> FindPostcodesInNormalized(std::string_view normalized) {
  std::vector<PostcodeMatch> out;
  ScanPostcodes(normalized, [&](size_t begin, size_t end, std::string postcode) {
    out.push_back({std::move(postcode), std::string(normalized.substr(begin, end - begin)), begin});
  });
  return out;
}

std::string PostcodeArea(std::string_view postcode) {
  std::string area;
  for (char c : postcode) {
    if (!IsAsciiAlpha(c)) break;
    area.push_back(AsciiUpper(c));
  }
  return area;
}

}  // namespace plainsight
