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
// A fifth site, "hostile-board", is served too but kept apart: it is not
// in sites() or adverts(), and ConfigToml names it only when asked
// (ConfigOptions::include_hostile_site). Its listings link to fault
// endpoints (a gzip bomb, an endless reply, redirect loops, ...; see
// HostileUrls()) and it has crawler traps.
//
// AdvanceDay() moves the farm one day on: some adverts are edited, some
// removed (404 or 410), some added; see tests/farm/README.md.
//
// Every phone number is in Ofcom's drama ranges and every email is at
// example.org or example.com.
//
// Thread safety: requests(), ClearRequests(), day(), changes() and
// open_streams() may be called from any thread while the farm serves.
// AdvanceDay() may run while requests are being answered (each site
// switches to the new day at once; a request in flight finishes with the
// old day), but it must not race with Start(), Stop(), the destructor, or
// readers of sites(), adverts(), planted() and hostile_site(): it rebuilds
// what they refer to. Start(), Stop() and the destructor must not race
// with each other or with the other accessors. The references returned by
// sites(), adverts(), planted() and hostile_site() stay valid until the
// next Start(), AdvanceDay() or the Farm's destruction.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
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
  int added_day = 0;    // farm day it appeared (0 = there from the start)
  int changed_day = 0;  // farm day its text last changed (0 = never)
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

// Adverts showing one picture (tests/farm/farm_photos.h): a planted photo
// group, whose adverts' phones all differ, or the stock photo (`stock`),
// shown by unrelated adverts.
struct PlantedPhotoGroup {
  std::string name;
  std::string description;
  bool stock = false;
  std::vector<std::string> advert_urls;  // absolute, normalised
  std::vector<std::string> photo_urls;   // the copy each advert shows, same order
};

// hostile-board's URLs (absolute once serving). Every fault endpoint looks
// like a vacancy URL (/job/NAME) and matches the site's adverts pattern.
struct HostileEndpoints {
  std::string bomb;        // gzip bomb: ~0.5 MB that inflates to 500 MiB of zero bytes
  std::string huge;        // 20 MiB of HTML, Content-Length set
  std::string endless;     // chunked, a chunk every 50 ms for up to 5 minutes
  std::string slow;        // Content-Length 150, then one byte every 2 s
  std::string truncated;   // Content-Length 10000, 3000 bytes, then closed
  std::string loop1;       // 302 -> loop2 -> 302 -> loop1 ...
  std::string loop2;
  std::string redirect_chain;      // 7 redirects, then redirect_chain_end
  std::string redirect_chain_end;  // a 200 page
  std::string pdf;         // application/pdf
  std::string latin1;      // ISO-8859-1 named only in <meta charset>
  std::string broken;      // broken HTML with 07700 900777 and "£5 per hour, 60 hours a week"
  std::string rate_limited;      // 429 + Retry-After: 2 the first time per farm, then 200
  std::string flaky;             // 503 twice per farm, then 200
  std::string private_redirect;  // 302 to http://169.254.169.254/latest/meta-data/
  std::string listing;     // /list?page=1; every page N links to N+1, adverts only on 1-3
  std::string path_trap;   // /a/, linking to /a/a/, /a/a/a/, ...
  std::vector<std::string> adverts;  // ordinary vacancies, 200 with ETag
  // Every fault endpoint above (not loop2 or the chain's end) as
  // {name, url}, in listing order; names as in the paths ("rate-limited").
  std::vector<std::pair<std::string, std::string>> faults;
};

// What one AdvanceDay() did, as absolute URLs (once serving).
struct DayChanges {
  int day = 0;
  std::vector<std::string> edited;       // new text, new ETag, still listed
  std::vector<std::string> added;        // on listing page 1
  std::vector<std::string> removed_404;  // unlisted, then 404
  std::vector<std::string> removed_410;  // unlisted, then 410 Gone
};

struct FarmOptions {
  std::uint64_t seed = 42;
  // Adverts on each site, planted ones included; raised to fit the planted
  // adverts if too small.
  int adverts_per_site = 24;
  int adverts_per_listing_page = 8;
  // Every site answers after this long (0: at once); for benches that need
  // the crawler's concurrency, not the loopback, to bound its speed.
  int response_latency_ms = 0;
};

struct ConfigOptions {
  std::string store_path;
  std::vector<std::string> pattern_paths;
  int per_host_delay_ms = 100;
  int concurrency = 8;
  bool respect_robots = true;
  // Adds a [[sites]] entry for hostile-board (its follow patterns include
  // both traps).
  bool include_hostile_site = false;
  // Fetch the adult sites' photos (max_images_per_advert); off by default
  // so the crawls that do not look at photos stay as fast as before.
  bool fetch_images = false;
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
  const std::vector<PlantedPhotoGroup>& photo_groups() const;  // URLs valid after Start()

  // hostile-board; port and URLs valid after Start().
  const FarmSite& hostile_site() const;
  HostileEndpoints HostileUrls() const;

  // One day on (see the file comment). Deterministic: the same seed after
  // the same number of days serves the same pages. Works before Start().
  void AdvanceDay();
  int day() const;  // 0 until the first AdvanceDay()
  std::vector<DayChanges> changes() const;  // one per day, in order

  std::vector<FarmRequest> requests() const;  // snapshot, in arrival order
  void ClearRequests();
  // Streamed fault bodies (endless, slow, ...) still being sent; drops to
  // 0 soon after their clients disconnect.
  int open_streams() const;

  // A complete plainsight.toml for crawling the farm (valid after Start()).
  std::string ConfigToml(const ConfigOptions& options) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plainsight::farm
