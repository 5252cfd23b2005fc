// Test helper for tests/leads: a real RocksDB store in a temp dir, and a
// compact way to write adverts into it.
#pragma once

#include <catch2/catch.hpp>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/sha256.h"
#include "store/store.h"

namespace plainsight::testing {

struct Ad {
  std::string url;
  std::string site = "site-a";
  std::string kind = "adult";
  std::string town = "Northampton";
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  std::vector<std::string> postcodes;
  std::vector<std::string> addresses;
  std::vector<IndicatorRecord> indicators;
  std::string title;
  std::string text;
  std::string posted;
  std::int64_t first_seen = 1000;
  bool removed = false;
  std::int64_t removed_at = 0;
};

struct TempStore {
  TempStore() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "plainsight-leads-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    store = std::move(Store::Open(dir + "/db", {})).value();
  }
  ~TempStore() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
  void Put(const Ad& ad) {
    AdvertRecord a;
    a.url = ad.url;
    a.id = AdvertIdForUrl(ad.url);
    a.site = ad.site;
    a.kind = ad.kind;
    a.towns = {ad.town};
    a.phones = ad.phones;
    a.emails = ad.emails;
    a.postcodes = ad.postcodes;
    a.addresses = ad.addresses;
    a.indicators = ad.indicators;
    a.title = ad.title;
    a.text = ad.text;
    a.posted = ad.posted;
    a.sha256 = Sha256Hex(ad.url + "|" + ad.title + "|" + ad.text);
    a.first_seen = a.last_seen = ad.first_seen;
    REQUIRE(store->UpsertAdvert(a).ok());
    if (ad.removed) REQUIRE(store->MarkAdvertRemoved(a.id, ad.removed_at).ok());
  }
  // The older short form used by correlate_test.cc.
  void Add(const std::string& url, const std::string& site, const std::string& kind,
           const std::string& town, std::vector<std::string> phones,
           std::vector<IndicatorRecord> indicators = {}, std::vector<std::string> emails = {}) {
    Ad ad;
    ad.url = url;
    ad.site = site;
    ad.kind = kind;
    ad.town = town;
    ad.phones = std::move(phones);
    ad.indicators = std::move(indicators);
    ad.emails = std::move(emails);
    Put(ad);
  }
  // Every stored advert's id, ascending.
  static std::vector<std::string> StoredIds(const Store& store) {
    std::vector<std::string> ids;
    REQUIRE(store
                .ForEachAdvertSummary([&](const AdvertSummary& a) {
                  ids.push_back(a.id);
                  return true;
                })
                .ok());
    return ids;
  }
  std::vector<LeadRecord> Leads() {
    std::vector<LeadRecord> leads;
    REQUIRE(store->ForEachLead([&](const LeadRecord& l) {
      leads.push_back(l);
      return true;
    }).ok());
    return leads;
  }
  static const LeadRecord* LeadWith(const std::vector<LeadRecord>& leads, const std::string& url) {
    for (const LeadRecord& l : leads) {
      for (const auto& id : l.advert_ids) {
        if (id == AdvertIdForUrl(url)) return &l;
      }
    }
    return nullptr;
  }
  static bool HasReason(const LeadRecord& lead, const std::string& part) {
    for (const auto& r : lead.reasons) {
      if (r.find(part) != std::string::npos) return true;
    }
    return false;
  }
  std::string dir;
  std::unique_ptr<Store> store;
};

}  // namespace plainsight::testing
