// Street addresses in advert text: a house number, a street name in title
// or upper case, and a street suffix ("14 Mill Road", "3a Station Rd.",
// "221B BAKER STREET"). Suffix abbreviations are expanded (Rd -> ROAD,
// St -> STREET, Ave -> AVENUE ...) so the same address written two ways
// links adverts. Lower-case prose ("a 5 minute walk") is not an address.
//
// Thread safety: patterns are compiled once and shared read-only; safe from
// any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/text_normalize.h"

namespace plainsight {

struct AddressMatch {
  std::string address;  // upper case, suffix expanded: "14 MILL ROAD"
  std::string match;    // original text span
  size_t offset = 0;    // byte offset of `match` in the original text
};

// Every occurrence, in text order.
std::vector<AddressMatch> FindStreetAddresses(std::string_view text);

// As above, with `norm` == NormalizeForMatching(text) computed once by a
// caller that runs several finders over the same text.
std::vector<AddressMatch> FindStreetAddresses(std::string_view text, const NormalizedText& norm);

}  // namespace plainsight
