// Stated ages and prices in adult-services advert text.
//
// Ages: "Age 24", "Age: 24", "aged 24", "24 years old", "24yo", "24 y/o",
// "I'm 24", "I am 24". Only 18 to 70 is kept. Look-alikes are rejected:
// "24/7", "I'm 30 minutes away", "Age 18+", "I'm 34 DD", digits inside a
// phone number or a price.
//
// Prices: an amount with a currency mark ("£80", "80 GBP", "GBP 80",
// "80 pounds"), with the time it buys when the text says ("£80 per hour",
// "£80/hr", "£150 2 hours", "£60 30 mins"), or a bare amount with an hourly
// rate ("80ph", "100 per hour"). price_matches[i] is the text span that gave
// prices[i]; a span repeated word for word is listed once. A range "£80-100"
// gives its first amount only.
//
// Thread safety: patterns are compiled once and shared read-only; safe from
// any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

struct AdultFields {
  std::vector<int> ages;                   // unique, first-occurrence order
  std::vector<double> prices;              // pounds, text order
  std::vector<std::string> price_matches;  // original text, parallel to prices
};

AdultFields ExtractAdultFields(std::string_view text);

}  // namespace plainsight
