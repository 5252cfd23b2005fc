#include "demo/demo_sites.h"

#include <filesystem>

namespace plainsight::demo {

namespace fs = std::filesystem;

Result<DemoSites> DemoSites::Open(const std::string& data_dir) {
  Result<std::vector<DemoSite>> sites = LoadSiteCatalog(data_dir);
  if (!sites.ok()) return sites.status();
  for (const DemoSite& site : *sites) {
    std::error_code error;
    if (!fs::is_directory(fs::path(data_dir) / site.name, error)) {
      return Status::NotFound((fs::path(data_dir) / site.name).string() + ": site " + site.name +
                              " is in the catalogue but has no folder");
    }
  }
  return DemoSites(data_dir, std::move(sites).value());
}

Status DemoSites::Start() {
  if (!servers_.empty()) return Status::InvalidArgument("the demo sites are already serving");
  for (const DemoSite& site : sites_) {
    auto server = std::make_unique<StaticSiteServer>((fs::path(data_dir_) / site.name).string(), site.charset);
    if (Status status = server->Start(); !status.ok()) {
      Stop();
      return status;
    }
    servers_.push_back(std::move(server));
  }
  return Status::OK();
}

void DemoSites::Stop() {
  // Ask every server first, so their workers wind down together.
  for (auto& server : servers_) server->BeginStop();
  servers_.clear();  // each destructor waits for its threads
}

std::vector<std::string> DemoSites::base_urls() const {
  std::vector<std::string> urls;
  for (const auto& server : servers_) urls.push_back(server->base_url());
  return urls;
}

std::string DemoSites::ConfigToml(const DemoConfigOptions& options) const {
  std::vector<ServedSite> served;
  for (std::size_t i = 0; i < servers_.size(); ++i) served.push_back({sites_[i], servers_[i]->base_url()});
  return DemoConfigToml(served, options);
}

}  // namespace plainsight::demo
