// A small store for the report and export tests, written record by record
// (no crawl): four adverts on three sites and three leads, with times
// relative to the real clock so `--since 24h` on the real binary sees what
// the tests expect. Contacts come from Ofcom's drama ranges and example.org.
#pragma once

#include <stdlib.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/sha256.h"
#include "store/store.h"
#include "tests/support/run_binary.h"

namespace plainsight::testing {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-report-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path;
};

inline constexpr std::int64_t kHour = 3600;
inline constexpr std::int64_t kDay = 86400;

// A hostile title: must come out as text in HTML and XML.
inline const char* const kHostileTitle = "<script>alert('x')</script> Companionship & massage";
// A title that would run as a formula in a spreadsheet, with a quote and a comma.
inline const char* const kFormulaTitle = "=HYPERLINK(\"https://evil.example.com\",\"Warehouse, nights\")";

struct Sample {
  AdvertRecord mia, silk, warehouse, cleaner;
  LeadRecord lead_new, lead_updated, lead_dismissed;
};

inline AdvertRecord MakeAdvert(const std::string& url, const std::string& site, const std::string& kind,
                               const std::string& title, std::int64_t first_seen, std::int64_t last_seen) {
  AdvertRecord a;
  a.url = url;
  a.id = AdvertIdForUrl(url);
  a.site = site;
  a.kind = kind;
  a.title = title;
  a.text = title + ". Call or email for details.";
  a.first_seen = first_seen;
  a.last_seen = last_seen;
  a.sha256 = Sha256Hex("<html><body>" + title + "</body></html>");
  return a;
}

inline Sample MakeSample(std::int64_t now) {
  Sample s;
  s.mia = MakeAdvert("https://velvet.example.org/ad/1", "velvet-rooms", "adult",
                     "Relaxing evenings, \"Mia\"\nnew in town", now - kHour, now - 600);
  s.mia.phones = {"+447700900123"};
  s.mia.emails = {"mia@example.org"};
  s.mia.postcodes = {"NN1 1AA"};
  s.mia.indicators = {{"adult.new_in_town", "movement_between_locations", 1.5, "new in town"}};

  s.silk = MakeAdvert("https://silk.example.org/profile/22", "silk-companions", "adult", kHostileTitle,
                      now - 2 * kDay, now - 600);
  s.silk.phones = {"+447700900123"};
  s.silk.postcodes = {"NN1 1AA"};
  s.silk.indicators = {{"adult.restricted_movement", "restricted_movement", 2.0, "outcalls only"}};

  s.warehouse = MakeAdvert("https://jobs.example.com/job/7", "county-jobs", "jobs", kFormulaTitle,
                           now - 5 * kDay, now - 3 * kDay);
  s.warehouse.phones = {"+447700900456"};
  s.warehouse.addresses = {"14 MILL ROAD"};
  s.warehouse.indicators = {{"jobs.accommodation_provided", "living_and_working_same_address", 2.0,
                             "Accommodation provided"}};
  s.warehouse.removed = true;
  s.warehouse.removed_at = now - kHour;

  s.cleaner = MakeAdvert("https://jobs.example.com/job/8", "county-jobs", "jobs", "Cleaner, cash in hand",
                         now - 2 * kHour, now - 700);
  s.cleaner.phones = {"+447700900456"};
  s.cleaner.emails = {"jobs@example.com"};
  s.cleaner.indicators = {{"jobs.cash_in_hand", "financial_control", 1.0, "cash in hand"},
                          {"jobs.accommodation_provided", "living_and_working_same_address", 2.0,
                           "room included"}};

  s.lead_new.id = "L-00000000aaaa";
  s.lead_new.score = 9.5;
  s.lead_new.status = "new";
  s.lead_new.reasons = {"phone +447700900123 in 2 adverts on 2 sites", "indicators <b>movement</b>"};
  s.lead_new.reason_points = {6.0, 3.5};
  s.lead_new.advert_ids = {s.mia.id, s.silk.id};
  s.lead_new.phones = {"+447700900123"};
  s.lead_new.emails = {"mia@example.org"};
  s.lead_new.postcodes = {"NN1 1AA"};
  s.lead_new.created_at = now - 1800;
  s.lead_new.updated_at = now - 1800;

  s.lead_updated.id = "L-00000000bbbb";
  s.lead_updated.score = 4.25;
  s.lead_updated.status = "reviewed";
  s.lead_updated.reasons = {"accommodation provided", "phone +447700900456 in 2 adverts"};
  s.lead_updated.reason_points = {1.25, 3.0};
  s.lead_updated.advert_ids = {s.warehouse.id, s.cleaner.id};
  s.lead_updated.phones = {"+447700900456"};
  s.lead_updated.created_at = now - 10 * kDay;
  s.lead_updated.updated_at = now - 600;

  s.lead_dismissed.id = "L-00000000cccc";
  s.lead_dismissed.score = 2.0;
  s.lead_dismissed.status = "dismissed";
  s.lead_dismissed.reasons = {"cash in hand"};
  s.lead_dismissed.reason_points = {2.0};
  s.lead_dismissed.advert_ids = {s.cleaner.id};
  s.lead_dismissed.created_at = now - 20 * kDay;
  s.lead_dismissed.updated_at = now - 20 * kDay;
  return s;
}

// Writes adverts (then their removals) and leads into the store at `dir`.
inline void WriteStore(const std::string& dir, const std::vector<AdvertRecord>& adverts,
                       const std::vector<LeadRecord>& leads) {
  auto store = Store::Open(dir, StoreOptions{});
  REQUIRE(store.ok());
  for (const AdvertRecord& a : adverts) {
    INFO(a.id);
    REQUIRE((*store)->UpsertAdvert(a).ok());
    if (a.removed) REQUIRE((*store)->MarkAdvertRemoved(a.id, a.removed_at).ok());
  }
  REQUIRE((*store)->ReplaceLeads(leads).ok());
  REQUIRE((*store)->Flush().ok());
}

inline void WriteSampleStore(const std::string& dir, const Sample& s) {
  WriteStore(dir, {s.mia, s.silk, s.warehouse, s.cleaner}, {s.lead_new, s.lead_updated, s.lead_dismissed});
}

// A minimal valid config naming only the store; returns its path.
inline std::string WriteConfig(const std::string& dir, const std::string& store_dir) {
  const std::string path = dir + "/plainsight.toml";
  std::ofstream(path) << "[store]\npath = \"" << store_dir << "\"\n";
  return path;
}

// The sample store in a fresh directory, with its config: where the photo
// tests (export_images, report_thumbnails) start.
struct SampleStoreDir {
  SampleStoreDir() : store_dir(dir.path + "/store") {
    WriteSampleStore(store_dir, sample);
    config = WriteConfig(dir.path, store_dir);
  }

  TempDir dir;
  Sample sample = MakeSample(SystemClock::Get().NowUnixSeconds());
  std::string store_dir, config;
};

inline void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// Runs `command` through sh, returning its exit status and merged output.
inline int RunShell(const std::string& command, std::string* output = nullptr) {
  TempDir scratch;
  const std::string log = scratch.path + "/log";
  const int status = std::system((command + " >" + log + " 2>&1").c_str());
  if (output != nullptr) *output = Slurp(log);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// RFC 4180 reader: quoted cells may hold commas, doubled quotes and line
// breaks; records end with CRLF.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(cell);
      cell.clear();
      rows.push_back(row);
      row.clear();
      ++i;
    } else {
      cell += c;
    }
  }
  if (!cell.empty() || !row.empty()) rows.push_back(row);
  return rows;
}

// A python3 that has networkx (PATH first, then Debian's), or "".
inline std::string PythonWithNetworkx() {
  for (const char* python : {"python3", "/usr/bin/python3"}) {
    if (RunShell(std::string(python) + " -c 'import networkx'") == 0) return python;
  }
  return "";
}

}  // namespace plainsight::testing
