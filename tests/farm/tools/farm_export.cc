// farm_export DIR: writes the test farm's four ordinary sites as static
// files, the data `plainsight demo` serves (demo/), so the shipped binary
// needs no farm code. DIR gets sites.toml (each site's crawl settings, as
// Farm::ConfigToml writes them) and one folder per site holding every page
// a crawl can reach on farm day 0: robots.txt, home, about, contact, the
// listing pages, every advert (robots-disallowed ones too, as the farm
// serves them) and the sitemap where the site has one. Each page is the
// farm's own reply, byte for byte, with demo::kBaseUrlToken where the site's
// address goes. The farm comes from its default seed, so the output is the
// same on every run.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "demo/site_catalog.h"
#include "demo/site_files.h"
#include "tests/farm/site_generator.h"
#include "tests/farm/site_router.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {
namespace {

namespace fs = std::filesystem;

// Written for every site by config_writer.cc; kept equal so the demo
// crawls exactly as a crawl of the farm does.
constexpr int kMaxDepth = 5;
constexpr char kRegion[] = "Northamptonshire";

std::vector<std::string> CrawlableTargets(const SiteSpec& site) {
  const SiteTemplate& tmpl = TemplateFor(site.layout);
  std::vector<std::string> targets = {"/robots.txt", "/", "/about", "/contact"};
  if (site.has_sitemap) targets.push_back("/sitemap.xml");
  for (int page = 1; page <= ListingPageCount(site); ++page) targets.push_back(tmpl.ListingPath(page));
  for (const AdvertSpec& ad : site.adverts) targets.push_back(ad.path);
  return targets;
}

demo::DemoSite CatalogEntry(const SiteSpec& site) {
  const SiteTemplate& tmpl = TemplateFor(site.layout);
  demo::DemoSite entry;
  entry.name = site.name;
  entry.kind = site.kind;
  entry.charset = site.charset;
  entry.seeds = {tmpl.ListingPath(1)};
  entry.follow = {tmpl.ListingPathPattern()};
  entry.adverts = {tmpl.AdvertPathPattern()};
  entry.max_depth = kMaxDepth;
  entry.region = kRegion;
  if (site.has_field_selectors) {
    const FieldSelectorSpec fields = tmpl.Fields();
    entry.fields = {fields.title, fields.body, fields.location, fields.posted};
  }
  return entry;
}

Status WriteFile(const fs::path& path, const std::string& bytes) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  if (error) return Status::IoError(path.parent_path().string() + ": " + error.message());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  out.close();
  if (!out) return Status::IoError(path.string() + ": cannot write");
  return Status::OK();
}

Status ExportSite(const SiteSpec& site, const fs::path& folder) {
  const SiteRouter router(std::make_shared<const SiteSpec>(site));
  for (const std::string& target : CrawlableTargets(site)) {
    const std::string file = demo::FileForTarget(target);
    if (file.empty()) return Status::InvalidArgument(site.name + target + ": not a file name");
    const SiteReply reply = router.Handle({"GET", target, demo::kBaseUrlToken, "", ""});
    if (reply.status != 200 || reply.mode != BodyMode::kFixed) {
      return Status::InvalidArgument(site.name + target + ": the farm answers " +
                                     std::to_string(reply.status) + ", not a static page");
    }
    // The static server picks the type from the file name; it must be the farm's.
    if (reply.content_type != demo::ContentTypeFor(file, site.charset)) {
      return Status::InvalidArgument(site.name + target + ": served as " + reply.content_type +
                                     ", the demo would say " + demo::ContentTypeFor(file, site.charset));
    }
    if (Status s = WriteFile(folder / file, reply.body); !s.ok()) return s;
  }
  return Status::OK();
}

Status Export(const fs::path& out) {
  const FarmSpec farm = GenerateFarm(FarmOptions{});
  std::vector<demo::DemoSite> catalogue;
  for (const SiteSpec& site : farm.sites) {
    if (Status s = ExportSite(site, out / site.name); !s.ok()) return s;
    catalogue.push_back(CatalogEntry(site));
  }
  // Last, so a catalogue on disk means a complete export.
  return WriteFile(out / demo::kSiteCatalogFile, demo::SiteCatalogToml(catalogue));
}

}  // namespace
}  // namespace plainsight::farm

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: farm_export DIR\n");
    return 1;
  }
  const plainsight::Status status = plainsight::farm::Export(argv[1]);
  if (!status.ok()) {
    std::fprintf(stderr, "farm_export: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
