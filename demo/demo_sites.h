// DemoSites: the demo sites of `plainsight demo`, served from their data
// directory on 127.0.0.1, one port per site, plus the plainsight.toml
// that crawls them.
//
// The data directory holds a catalogue (sites.toml, site_catalog.h) and
// one folder of static pages per site (site_files.h). The shipped one is
// written at build time from the test farm
// (tests/farm/tools/farm_export.cc) and installed to share/plainsight/demo;
// this module only reads it, so the binary links no test code.
//
// Open() reads the catalogue and checks every site has its folder.
// Start() serves each folder on an ephemeral loopback port and returns once
// all accept connections (on failure none is left serving); Stop() ends
// them; the destructor stops. The sites answer GET and HEAD only, with
// 200 and the file or 404.
//
// Thread safety: a DemoSites belongs to one thread: Start(), Stop(), the
// destructor and the accessors must not race. The servers answer requests
// on threads of their own and need nothing from the caller while they do.
// Ownership: DemoSites owns its servers; it may be moved, not copied, and
// base URLs stay valid until Stop().
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "demo/demo_config.h"
#include "demo/site_catalog.h"
#include "demo/static_site_server.h"

namespace plainsight::demo {

class DemoSites {
 public:
  // NotFound when `data_dir` has no catalogue or a site has no folder;
  // InvalidArgument when the catalogue is malformed.
  static Result<DemoSites> Open(const std::string& data_dir);

  DemoSites(DemoSites&&) = default;
  DemoSites& operator=(DemoSites&&) = default;
  ~DemoSites() { Stop(); }

  Status Start();
  void Stop();  // safe to call twice

  const std::vector<DemoSite>& sites() const { return sites_; }
  // One per site, in catalogue order; empty before Start().
  std::vector<std::string> base_urls() const;

  // A complete plainsight.toml for crawling the sites (after Start()).
  std::string ConfigToml(const DemoConfigOptions& options) const;

 private:
  DemoSites(std::string data_dir, std::vector<DemoSite> sites)
      : data_dir_(std::move(data_dir)), sites_(std::move(sites)) {}

  std::string data_dir_;
  std::vector<DemoSite> sites_;
  std::vector<std::unique_ptr<StaticSiteServer>> servers_;  // parallel to sites_ while serving
};

}  // namespace plainsight::demo
