// The generated farm before it is served: sites, adverts and planted groups
// with site-relative paths. Built by GenerateFarm (site_generator.h) and
// changed only by AdvanceFarmDay (farm_days.h) under the Farm's lock; the
// serving threads read immutable copies (shared_ptr<const SiteSpec>), so
// they need no lock.
#pragma once

#include <string>
#include <vector>

namespace plainsight::farm {

// Site names, stable across seeds.
inline constexpr char kVelvetRooms[] = "velvet-rooms";
inline constexpr char kSilkCompanions[] = "silk-companions";
inline constexpr char kShireJobs[] = "shire-jobs";
inline constexpr char kCountyWorkBoard[] = "county-work-board";
// The fault site (hostile_site.h); served, but not in Farm::sites().
inline constexpr char kHostileBoard[] = "hostile-board";

// Which HTML template and URL shape a site uses (site_template.h).
enum class Layout { kVelvetTable, kSilkCards, kShireList, kCountyRows };

struct AdvertSpec {
  std::string site;  // SiteSpec::name
  int id = 0;        // appears in the URL
  std::string path;  // site-relative, "/ad/1234" or "/vacancies/view?id=12"
  std::string title;
  std::string town;
  std::string posted;  // "2026-11-14"
  std::vector<std::string> paragraphs;  // body text, plain (not HTML)
  // Adult adverts.
  std::string name;
  int age = 0;
  std::string price;  // "£80 per hour"
  // Job adverts.
  std::string employer;
  std::string pay;  // "£13.50 per hour"
  // Contacts as written on the page, and what they normalise to. The
  // paragraphs already contain them; templates may show them again.
  std::string phone_written;
  std::string phone_e164;
  std::string email;
  std::string address;   // one line, ends with the postcode, or ""
  std::string postcode;
  std::string group;     // planted group name or ""
  std::vector<std::string> photos;  // site-relative image paths (farm_photos.h)
  bool disallowed = false;  // under the site's robots-disallowed prefix
  int added_day = 0;    // farm day it appeared (0 = generated)
  int changed_day = 0;  // farm day its text last changed (0 = never)
};

struct SiteSpec {
  std::string name;          // [a-z0-9-]+
  std::string display_name;  // "Velvet Rooms"
  std::string kind;          // "adult" | "jobs"
  Layout layout = Layout::kVelvetTable;
  std::string charset;       // "utf-8" | "windows-1252"
  std::string footer_phone_written;
  std::string footer_phone_e164;
  std::string footer_email;
  std::string disallowed_prefix;  // "/private/" or ""
  bool has_field_selectors = false;
  int adverts_per_page = 8;
  bool has_sitemap = false;  // robots.txt names /sitemap.xml, which lists the adverts
  std::vector<AdvertSpec> adverts;  // in listing order
  std::vector<std::string> gone_paths;  // removed adverts answered with 410
  std::vector<int> retired_ids;         // ids of removed adverts, never reused
};

struct GroupSpec {
  std::string name;
  std::string description;
  std::vector<std::string> phones_e164;  // shared by the group's adverts
  std::vector<std::string> emails;
  std::vector<std::string> postcodes;
};

// What one AdvanceFarmDay changed, as site-relative paths per site.
struct DayChangeSpec {
  int day = 0;
  struct Entry {
    std::string site;
    std::string path;
  };
  std::vector<Entry> edited;
  std::vector<Entry> added;
  std::vector<Entry> removed_404;
  std::vector<Entry> removed_410;
};

// Adverts that show one picture (farm_photos.h): a planted photo group
// (phones all different) or the stock photo.
struct PhotoGroupSpec {
  std::string name;
  std::string description;
  bool stock = false;  // a stock photo on unrelated adverts: a hub, not a lead
  struct Member {
    std::string site;
    std::string path;        // the advert's
    std::string photo_path;  // the copy of the picture it shows
  };
  std::vector<Member> members;
};

struct FarmSpec {
  std::vector<SiteSpec> sites;  // the four ordinary sites
  SiteSpec hostile;             // hostile-board's ordinary adverts and footer
  std::vector<GroupSpec> groups;
  std::vector<PhotoGroupSpec> photo_groups;
  int day = 0;
  std::vector<DayChangeSpec> history;  // one per AdvanceFarmDay, in order
};

}  // namespace plainsight::farm
