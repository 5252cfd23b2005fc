#include "tests/farm/farm.h"

#include <utility>

#include "tests/farm/config_writer.h"
#include "tests/farm/request_log.h"
#include "tests/farm/site_generator.h"
#include "tests/farm/site_server.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

struct Farm::Impl {
  explicit Impl(const FarmOptions& options) : spec(GenerateFarm(options)) {}

  // Rebuilds the public views with each site's current base URL ("" when
  // not serving, which leaves URLs site-relative).
  void BuildViews() {
    sites.clear();
    adverts.clear();
    planted.clear();
    for (std::size_t i = 0; i < spec.sites.size(); ++i) {
      const SiteSpec& s = spec.sites[i];
      const SiteTemplate& tmpl = TemplateFor(s.layout);
      FarmSite site;
      site.name = s.name;
      site.kind = s.kind;
      if (i < servers.size()) {
        site.port = servers[i]->port();
        site.base_url = servers[i]->base_url();
      }
      const std::string& base = site.base_url;
      site.footer_phone_e164 = s.footer_phone_e164;
      site.footer_email = s.footer_email;
      site.seeds = {base + tmpl.ListingPath(1)};
      site.follow = {"^" + EscapeRegex(base) + tmpl.ListingPathPattern() + "$"};
      site.adverts = {"^" + EscapeRegex(base) + tmpl.AdvertPathPattern() + "$"};
      site.disallowed_prefix = s.disallowed_prefix;
      site.has_field_selectors = s.has_field_selectors;
      for (const AdvertSpec& a : s.adverts) {
        FarmAdvert ad;
        ad.site = s.name;
        ad.url = base + a.path;
        ad.kind = s.kind;
        ad.title = a.title;
        ad.town = a.town;
        if (!a.phone_e164.empty()) ad.phones_e164.push_back(a.phone_e164);
        if (!a.email.empty()) ad.emails.push_back(a.email);
        if (!a.postcode.empty()) ad.postcodes.push_back(a.postcode);
        ad.group = a.group;
        ad.disallowed_by_robots = a.disallowed;
        adverts.push_back(std::move(ad));
      }
      sites.push_back(std::move(site));
    }
    for (const GroupSpec& g : spec.groups) {
      PlantedGroup group{g.name, g.description, {}, g.phones_e164, g.emails, g.postcodes};
      for (const FarmAdvert& ad : adverts) {
        if (ad.group == g.name && !ad.disallowed_by_robots) group.advert_urls.push_back(ad.url);
      }
      planted.push_back(std::move(group));
    }
  }

  void StopServers() {
    for (auto& server : servers) server->Stop();
    servers.clear();
  }

  const FarmSpec spec;
  RequestLog log;
  std::vector<std::unique_ptr<SiteServer>> servers;  // parallel to spec.sites while serving
  std::vector<FarmSite> sites;
  std::vector<FarmAdvert> adverts;
  std::vector<PlantedGroup> planted;
};

Farm::Farm(FarmOptions options) : impl_(std::make_unique<Impl>(options)) { impl_->BuildViews(); }

Farm::~Farm() { Stop(); }

Status Farm::Start() {
  if (!impl_->servers.empty()) return Status::InvalidArgument("the farm is already serving");
  for (const SiteSpec& site : impl_->spec.sites) {
    auto server = std::make_unique<SiteServer>(site, &impl_->log);
    Status status = server->Start();
    if (!status.ok()) {
      impl_->StopServers();
      return status;
    }
    impl_->servers.push_back(std::move(server));
  }
  impl_->BuildViews();
  return Status::OK();
}

void Farm::Stop() { impl_->StopServers(); }

const std::vector<FarmSite>& Farm::sites() const { return impl_->sites; }
const std::vector<FarmAdvert>& Farm::adverts() const { return impl_->adverts; }
const std::vector<PlantedGroup>& Farm::planted() const { return impl_->planted; }

std::vector<FarmRequest> Farm::requests() const { return impl_->log.Snapshot(); }
void Farm::ClearRequests() { impl_->log.Clear(); }

std::string Farm::ConfigToml(const ConfigOptions& options) const {
  std::vector<SiteConfigEntry> entries;
  for (std::size_t i = 0; i < impl_->sites.size(); ++i) {
    const FarmSite& site = impl_->sites[i];
    entries.push_back(
        {site, site.has_field_selectors ? TemplateFor(impl_->spec.sites[i].layout).Fields()
                                        : FieldSelectorSpec{}});
  }
  return WriteFarmConfig(entries, options);
}

}  // namespace plainsight::farm
