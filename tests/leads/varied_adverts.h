// Test helper for tests/leads: a store of varied adverts holding every
// structure correlation decides about (link_facts.h). Header-only.
#pragma once

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "tests/leads/temp_store.h"

namespace plainsight::testing {

// Writes a store with every structure the facts decide about: groups on
// one phone, copied texts with a phone each, agencies at one address with
// adverts giving only its postcode, a switchboard phone on 60 adverts over
// four sites (a hub), a footer phone on every advert of one site
// (boilerplate), consecutive phones, and chains of shared phones long
// enough for a small cap to withhold links.
inline void PutVariedAdverts(TempStore& t, std::uint64_t seed = 12345) {
  static const char* const kWords[] = {
      "garden",  "window", "kitchen", "river",  "market",  "bridge", "meadow", "harbour",
      "orchard", "chapel", "silver",  "copper", "lantern", "valley", "summit", "forest",
      "pebble",  "canvas", "marble",  "willow", "thistle", "amber",  "cobalt", "saffron"};
  static const char* const kSites[] = {"site-a", "site-b", "site-c", "site-d"};
  static const char* const kTowns[] = {"Northampton", "Leeds", "Derby", "Luton"};
  std::uint64_t state = seed;
  auto next = [&](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  auto words = [&](int n) {
    std::string text;
    for (int w = 0; w < n; ++w) text += std::string(kWords[next(24)]) + (w % 9 == 8 ? ". " : " ");
    return text;
  };
  int url = 0, phone = 100;
  bool consecutive_given = false;
  auto ad = [&](size_t site) {
    Ad a;
    a.url = "http://example.org/varied/" + std::to_string(url++);
    a.site = kSites[site % 4];
    a.kind = site % 2 == 0 ? "adult" : "jobs";
    a.town = kTowns[next(4)];
    a.title = "Advert " + std::to_string(url);
    return a;
  };
  auto unique_phone = [&] { return "+447700900" + std::to_string(phone++); };
  for (int group = 0; group < 120; ++group) {
    const size_t shape = next(6);
    const size_t size = 2 + next(5);
    const std::string group_phone = unique_phone();
    const std::string copied = words(40);
    std::string chain_phone = unique_phone();
    // 01632 960100 and 960101 alone in their thousand-number block (07700
    // 900xxx, every other phone here, is crowded: no pairs there).
    const bool consecutive = shape == 4 && !consecutive_given;
    consecutive_given = consecutive_given || consecutive;
    for (size_t k = 0; k < size; ++k) {
      Ad a = ad(next(4));
      a.text = words(30);
      switch (shape) {
        case 0:  // one phone
          a.phones = {group_phone};
          break;
        case 1:  // one text, a phone each
          a.phones = {unique_phone()};
          a.text = "Hello from " + a.town + ". " + copied;
          break;
        case 2:  // an agency: its address, or only its postcode
          a.phones = {unique_phone()};
          a.postcodes = {"NN1 " + std::to_string(group % 10) + "AB"};
          if (k % 2 == 0) a.addresses = {std::to_string(group) + " MILL ROAD"};
          a.indicators.push_back({"jobs.accommodation_provided", "living_and_working_same_address",
                                  2.0, "Accommodation provided"});
          break;
        case 3:  // a chain: each advert shares a phone with the next
          a.phones = {chain_phone, unique_phone()};
          chain_phone = a.phones[1];
          break;
        case 4:  // one e-mail; the first such group also on consecutive numbers
          a.phones = {consecutive ? "+44163296010" + std::to_string(k % 2) : unique_phone()};
          a.emails = {"group" + std::to_string(group) + "@example.org"};
          break;
        default:  // lone adverts
          a.phones = {unique_phone()};
          break;
      }
      if (next(20) == 0) {
        a.indicators.push_back({"adult.turnover", "turnover", 1.0, "New girls every week"});
      }
      if (a.site == std::string("site-d")) a.phones.push_back("+442079460999");  // its footer
      if (next(5) == 0) a.phones.push_back("+442079460500");                     // a switchboard
      t.Put(a);
    }
  }
  REQUIRE(phone <= 999);  // still in Ofcom's drama range
}

}  // namespace plainsight::testing
