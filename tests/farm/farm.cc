#include "tests/farm/farm.h"

#include <map>
#include <mutex>
#include <utility>

#include "core/regex_escape.h"
#include "tests/farm/config_writer.h"
#include "tests/farm/farm_days.h"
#include "tests/farm/generation_context.h"
#include "tests/farm/hostile_site.h"
#include "tests/farm/request_log.h"
#include "tests/farm/site_generator.h"
#include "tests/farm/site_router.h"
#include "tests/farm/site_server.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

namespace {

FarmAdvert AdvertView(const SiteSpec& s, const AdvertSpec& a, const std::string& base) {
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
  ad.added_day = a.added_day;
  ad.changed_day = a.changed_day;
  return ad;
}

FarmSite SiteView(const SiteSpec& s, const std::string& base, int port) {
  FarmSite site;
  site.name = s.name;
  site.kind = s.kind;
  site.port = port;
  site.base_url = base;
  site.footer_phone_e164 = s.footer_phone_e164;
  site.footer_email = s.footer_email;
  site.disallowed_prefix = s.disallowed_prefix;
  site.has_field_selectors = s.has_field_selectors;
  return site;
}

}  // namespace

struct Farm::Impl {
  explicit Impl(const FarmOptions& options)
      : ctx(options.seed),
        spec(GenerateFarm(options, &ctx)),
        latency(options.response_latency_ms),
        hostile_router(std::make_shared<HostileRouter>(std::make_shared<const SiteSpec>(spec.hostile))) {}

  std::shared_ptr<const Router> RouterFor(std::size_t site) const {
    return std::make_shared<SiteRouter>(std::make_shared<const SiteSpec>(spec.sites[site]));
  }

  std::string BaseOf(std::size_t site) const {
    return site < servers.size() ? servers[site]->base_url() : "";
  }

  // Rebuilds the public views with each site's current base URL ("" when
  // not serving, which leaves URLs site-relative).
  void BuildViews() {
    sites.clear();
    adverts.clear();
    planted.clear();
    for (std::size_t i = 0; i < spec.sites.size(); ++i) {
      const SiteSpec& s = spec.sites[i];
      const SiteTemplate& tmpl = TemplateFor(s.layout);
      const std::string base = BaseOf(i);
      FarmSite site = SiteView(s, base, i < servers.size() ? servers[i]->port() : 0);
      site.seeds = {base + tmpl.ListingPath(1)};
      site.follow = {"^" + EscapeRegex(base) + tmpl.ListingPathPattern() + "$"};
      site.adverts = {"^" + EscapeRegex(base) + tmpl.AdvertPathPattern() + "$"};
      for (const AdvertSpec& a : s.adverts) adverts.push_back(AdvertView(s, a, base));
      sites.push_back(std::move(site));
    }
    for (const GroupSpec& g : spec.groups) {
      PlantedGroup group{g.name, g.description, {}, g.phones_e164, g.emails, g.postcodes};
      for (const FarmAdvert& ad : adverts) {
        if (ad.group == g.name && !ad.disallowed_by_robots) group.advert_urls.push_back(ad.url);
      }
      planted.push_back(std::move(group));
    }
    photo_groups.clear();
    for (const PhotoGroupSpec& g : spec.photo_groups) {
      PlantedPhotoGroup group{g.name, g.description, g.stock, {}, {}};
      for (const PhotoGroupSpec::Member& m : g.members) {
        for (std::size_t i = 0; i < spec.sites.size(); ++i) {
          if (spec.sites[i].name != m.site) continue;
          group.advert_urls.push_back(BaseOf(i) + m.path);
          group.photo_urls.push_back(BaseOf(i) + m.photo_path);
        }
      }
      photo_groups.push_back(std::move(group));
    }
    const std::string hostile_base = hostile_server ? hostile_server->base_url() : "";
    hostile = SiteView(spec.hostile, hostile_base, hostile_server ? hostile_server->port() : 0);
    hostile.seeds = {hostile_base + HostileListingPath(1)};
    const std::string escaped = "^" + EscapeRegex(hostile_base);
    hostile.follow = {escaped + kHostileListingPattern + "$", escaped + kHostilePathTrapPattern + "$"};
    hostile.adverts = {escaped + kHostileAdvertPattern + "$"};
  }

  void StopServers() {
    // Ask every server first, so their workers wind down together.
    for (auto& server : servers) server->BeginStop();
    if (hostile_server) hostile_server->BeginStop();
    for (auto& server : servers) server->Stop();
    servers.clear();
    if (hostile_server) hostile_server->Stop();
    hostile_server.reset();
  }

  mutable std::mutex mutex;  // guards ctx, spec, and servers' routers during AdvanceDay
  GenerationContext ctx;
  FarmSpec spec;
  std::chrono::milliseconds latency;  // FarmOptions::response_latency_ms
  const std::shared_ptr<const HostileRouter> hostile_router;  // one per farm: keeps its counters
  RequestLog log;
  std::vector<std::unique_ptr<SiteServer>> servers;  // parallel to spec.sites while serving
  std::unique_ptr<SiteServer> hostile_server;
  std::vector<FarmSite> sites;
  std::vector<FarmAdvert> adverts;
  std::vector<PlantedGroup> planted;
  std::vector<PlantedPhotoGroup> photo_groups;
  FarmSite hostile;
};

Farm::Farm(FarmOptions options) : impl_(std::make_unique<Impl>(options)) { impl_->BuildViews(); }

Farm::~Farm() { Stop(); }

Status Farm::Start() {
  Impl& f = *impl_;
  if (!f.servers.empty()) return Status::InvalidArgument("the farm is already serving");
  std::lock_guard<std::mutex> lock(f.mutex);
  for (std::size_t i = 0; i < f.spec.sites.size(); ++i) {
    auto server = std::make_unique<SiteServer>(f.RouterFor(i), &f.log);
    server->SetLatency(f.latency);
    Status status = server->Start();
    if (!status.ok()) {
      f.StopServers();
      return status;
    }
    f.servers.push_back(std::move(server));
  }
  f.hostile_server = std::make_unique<SiteServer>(f.hostile_router, &f.log);
  if (Status status = f.hostile_server->Start(); !status.ok()) {
    f.StopServers();
    return status;
  }
  f.BuildViews();
  return Status::OK();
}

void Farm::Stop() { impl_->StopServers(); }

const std::vector<FarmSite>& Farm::sites() const { return impl_->sites; }
const std::vector<FarmAdvert>& Farm::adverts() const { return impl_->adverts; }
const std::vector<PlantedGroup>& Farm::planted() const { return impl_->planted; }
const std::vector<PlantedPhotoGroup>& Farm::photo_groups() const { return impl_->photo_groups; }
const FarmSite& Farm::hostile_site() const { return impl_->hostile; }

HostileEndpoints Farm::HostileUrls() const {
  const std::string& base = impl_->hostile.base_url;
  HostileEndpoints urls;
  std::map<std::string, std::string> by_name;
  for (const HostileEndpoint& e : kHostileEndpoints) {
    urls.faults.emplace_back(e.name, base + e.path);
    by_name[e.name] = base + e.path;
  }
  urls.bomb = by_name["bomb"];
  urls.huge = by_name["huge"];
  urls.endless = by_name["endless"];
  urls.slow = by_name["slow"];
  urls.truncated = by_name["truncated"];
  urls.loop1 = by_name["loop1"];
  urls.loop2 = base + kLoop2Path;
  urls.redirect_chain = by_name["redirect-chain"];
  urls.redirect_chain_end = base + RedirectChainPath(kRedirectChainHops);
  urls.pdf = by_name["pdf"];
  urls.latin1 = by_name["latin1"];
  urls.broken = by_name["broken"];
  urls.rate_limited = by_name["rate-limited"];
  urls.flaky = by_name["flaky"];
  urls.private_redirect = by_name["private-redirect"];
  urls.listing = base + HostileListingPath(1);
  urls.path_trap = base + kPathTrapPath;
  for (const AdvertSpec& ad : impl_->spec.hostile.adverts) urls.adverts.push_back(base + ad.path);
  return urls;
}

void Farm::AdvanceDay() {
  Impl& f = *impl_;
  std::lock_guard<std::mutex> lock(f.mutex);
  AdvanceFarmDay(f.ctx, &f.spec);
  for (std::size_t i = 0; i < f.servers.size(); ++i) f.servers[i]->SetRouter(f.RouterFor(i));
  f.BuildViews();
}

int Farm::day() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return impl_->spec.day;
}

std::vector<DayChanges> Farm::changes() const {
  const Impl& f = *impl_;
  std::lock_guard<std::mutex> lock(f.mutex);
  std::map<std::string, std::string> base;
  for (std::size_t i = 0; i < f.spec.sites.size(); ++i) base[f.spec.sites[i].name] = f.BaseOf(i);
  const auto urls = [&base](const std::vector<DayChangeSpec::Entry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries) out.push_back(base[e.site] + e.path);
    return out;
  };
  std::vector<DayChanges> out;
  for (const DayChangeSpec& d : f.spec.history) {
    out.push_back({d.day, urls(d.edited), urls(d.added), urls(d.removed_404), urls(d.removed_410)});
  }
  return out;
}

std::vector<FarmRequest> Farm::requests() const { return impl_->log.Snapshot(); }
void Farm::ClearRequests() { impl_->log.Clear(); }

int Farm::open_streams() const {
  int open = 0;
  for (const auto& server : impl_->servers) open += server->open_streams();
  if (impl_->hostile_server) open += impl_->hostile_server->open_streams();
  return open;
}

std::string Farm::ConfigToml(const ConfigOptions& options) const {
  std::vector<SiteConfigEntry> entries;
  for (std::size_t i = 0; i < impl_->sites.size(); ++i) {
    const FarmSite& site = impl_->sites[i];
    entries.push_back(
        {site, site.has_field_selectors ? TemplateFor(impl_->spec.sites[i].layout).Fields()
                                        : FieldSelectorSpec{}});
  }
  if (options.include_hostile_site) entries.push_back({impl_->hostile, FieldSelectorSpec{}});
  return WriteFarmConfig(entries, options);
}

}  // namespace plainsight::farm
