// Full addresses: the form in which a street links adverts.
//
// A street alone never links: "UNIT 13 RIVERSIDE BUSINESS PARK" is in Derby
// on one advert and in Luton on another. It links with where it is: the
// advert's postcode when it gives exactly one, else its town (upper case)
// when it names exactly one and gives no postcode; with several, which
// street belongs where cannot be told, and none links. The result is
// "STREET, WHERE" (a lead's `addresses`).
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace plainsight {

// An advert's full addresses, one per street, or none (see above).
std::vector<std::string> FullAddresses(const std::vector<std::string>& streets,
                                       const std::vector<std::string>& postcodes,
                                       const std::vector<std::string>& towns);

// The street of "STREET, WHERE" (everything before the last ", ": a
// postcode or a town has no comma, a street may), or `full` itself.
std::string StreetOf(const std::string& full);

}  // namespace plainsight
