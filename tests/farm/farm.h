// Farm: synthetic advert sites served over HTTP on 127.0.0.1, for the
// end-to-end tests and for `plainsight demo`.
//
// Construction generates every site, advert and planted group from
// FarmOptions::seed alone, so one seed always yields the same farm (the same
// titles, towns, contacts, ids and page layout); only the ports differ from
// run to run. Start() binds one HTTP server per site on an ephemeral
// loopback port and returns once every port accepts; URLs (and the
// ConfigToml output) are valid only after that. Four sites: two adult
// services ("velvet-rooms", "silk-companions") and two jobs boards
// ("shire-jobs", "county-work-board"), each with its own HTML template; see
// tests/farm/README.md for the sites and the planted groups a correlator
// ought to find.
//
// Every phone number is in Ofcom's drama ranges and every email is at
// example.org or example.com.
//
// Thread safety: requests() and ClearRequests() may be called from any
// thread while the farm serves. Start(), Stop() and the destructor must not
// race with each other or with the other accessors. The references returned
// by sites(), adverts() and planted() stay valid until the next Start() or
// the Farm's destruction.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace plainsight::farm {

// One HTTP request as the farm saw it (robots.txt and 404s included).
struct FarmRequest {
  std::int64_t unix_ms = 0;
  std::chrono::steady_clock::time_point received;   // when the request arrived
  std::chrono::steady_clock::time_point responded;  // when the response was produced
  int port = 0;
  std::string site;
  std::string method;
  std::string path;  // path + "?query", as requested
  std::string user_agent;
};

struct FarmAdvert {
  std::string site;
  std::string url;  // absolute, normalised
  std::string kind;  // "adult" | "jobs"
  std::string title;
  std::string town;
  std::vector<std::string> phones_e164;  // the advert's own contacts (not the site footer)
  std::vector<std::string> emails;
  std::vector<std::string> postcodes;    // upper case, one space
  std::string group;  // planted group name, or "" for ordinary
  bool disallowed_by_robots = false;
};

struct FarmSite {
  std::string name;
  std::string kind;  // "adult" | "jobs"
  int port = 0;
  std::string base_url;  // "http://127.0.0.1:PORT"
  std::string footer_phone_e164;  // on every page of the site
  std::string footer_email;
  std::vector<std::string> seeds;
  std::vector<std::string> follow;   // RE2 full-URL patterns
  std::vector<std::string> adverts;  // RE2
  std::string disallowed_prefix;     // robots-disallowed path prefix or ""
  bool has_field_selectors = false;
};

// Adverts deliberately linked (or deliberately not linked) by shared
// contacts. The entity lists hold only what the group's adverts share.
struct PlantedGroup {
  std::string name;
  std::string description;
  std::vector<std::string> advert_urls;  // only the crawlable ones (not robots-disallowed)
  std::vector<std::string> phones_e164;
  std::vector<std::string> emails;
  std::vector<std::string> postcodes;
};

struct FarmOptions {
  std::uint64_t seed = 42;
  // Adverts on each site, planted ones included; raised to fit the planted
  // adverts if too small.
  int adverts_per_site = 24;
  int adverts_per_listing_page = 8;
};

struct ConfigOptions {
  std::string store_path;
  std::vector<std::string> pattern_paths;
  int per_host_delay_ms = 100;
  int concurrency = 8;
  bool respect_robots = true;
};

class Farm {
 public:
  // Generates everything; does not listen yet.
  explicit Farm(FarmOptions options = {});
  ~Farm();  // stops

  Farm(const Farm&) = delete;
  Farm& operator=(const Farm&) = delete;

  // Binds one server per site on 127.0.0.1 (ephemeral ports), starts their
  // threads and returns once every port accepts connections.
  Status Start();
  // Stops every server and joins its threads. Safe to call twice.
  void Stop();

  const std::vector<FarmSite>& sites() const;        // ports valid after Start()
  const std::vector<FarmAdvert>& adverts() const;    // URLs valid after Start()
  const std::vector<PlantedGroup>& planted() const;  // URLs valid after Start()

  std::vector<FarmRequest> requests() const;  // snapshot, in arrival order
  void ClearRequests();

  // A complete plainsight.toml for crawling the farm (valid after Start()).
  std::string ConfigToml(const ConfigOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::farm
