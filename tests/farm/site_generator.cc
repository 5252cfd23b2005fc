#include "tests/farm/site_generator.h"

#include <algorithm>
#include <set>

#include "tests/farm/generation_context.h"
#include "tests/farm/hostile_site.h"
#include "tests/farm/ordinary_adverts.h"
#include "tests/farm/farm_photos.h"
#include "tests/farm/planted_groups.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

namespace {

// Ordinary adverts under velvet-rooms' robots-disallowed prefix, besides
// the planted circuit advert there.
constexpr int kOrdinaryDisallowedAdverts = 2;
// Every site keeps at least this many ordinary adverts, so planted contacts
// never dominate a site (the correlator would take them for boilerplate).
constexpr int kMinOrdinaryAdverts = 4;

SiteSpec MakeSite(GenerationContext& ctx, const char* name, const char* display_name,
                  const char* kind, Layout layout, const char* footer_email, PhoneStyle footer_style) {
  SiteSpec site;
  site.name = name;
  site.display_name = display_name;
  site.kind = kind;
  site.layout = layout;
  site.charset = layout == Layout::kSilkCards ? "windows-1252" : "utf-8";
  const std::string phone = ctx.phones().TakeLandline();
  site.footer_phone_written = WritePhone(phone, footer_style);
  site.footer_phone_e164 = PhoneE164(phone);
  site.footer_email = footer_email;
  ctx.ReserveEmail(footer_email);
  site.disallowed_prefix = layout == Layout::kVelvetTable ? "/private/" : "";
  site.has_field_selectors = !TemplateFor(layout).Fields().empty();
  site.has_sitemap = layout == Layout::kCountyRows;
  return site;
}

struct IdRange {
  int lo;
  int hi;
};

IdRange IdRangeFor(const std::string& site) {
  if (site == kVelvetRooms) return {1000, 9999};
  if (site == kSilkCompanions) return {100, 999};
  if (site == kShireJobs) return {40000, 89999};
  if (site == kCountyWorkBoard) return {1, 4999};
  return {500, 999};  // hostile-board
}

constexpr int kHostileOrdinaryAdverts = 6;

SiteSpec MakeHostileSite(GenerationContext& ctx) {
  SiteSpec site;
  site.name = kHostileBoard;
  site.display_name = "Hostile Board";
  site.kind = "jobs";
  site.layout = Layout::kShireList;  // unused: HostileRouter draws its own pages
  site.charset = "utf-8";
  const std::string phone = ctx.phones().TakeLandline();
  site.footer_phone_written = WritePhone(phone, PhoneStyle::kSpaced);
  site.footer_phone_e164 = PhoneE164(phone);
  site.footer_email = "abuse.hostileboard@example.org";
  ctx.ReserveEmail(site.footer_email);
  for (int k = 0; k < kHostileOrdinaryAdverts; ++k) {
    site.adverts.push_back(OrdinaryJobAdvert(ctx, site.name));
  }
  for (AdvertSpec& ad : site.adverts) {
    ad.id = FreshAdvertId(ctx, site);
    ad.path = "/job/" + std::to_string(ad.id);
  }
  return site;
}

// Distinct ids in [lo, hi] for every advert of a site, then its URL path.
void AssignIdsAndPaths(GenerationContext& ctx, int lo, int hi, SiteSpec* site) {
  std::set<int> used;
  const SiteTemplate& tmpl = TemplateFor(site->layout);
  for (AdvertSpec& ad : site->adverts) {
    do {
      ad.id = ctx.rng().Between(lo, hi);
    } while (!used.insert(ad.id).second);
    ad.path = tmpl.AdvertPath(ad);
  }
}

}  // namespace

int FreshAdvertId(GenerationContext& ctx, const SiteSpec& site) {
  const IdRange range = IdRangeFor(site.name);
  std::set<int> used(site.retired_ids.begin(), site.retired_ids.end());
  for (const AdvertSpec& ad : site.adverts) used.insert(ad.id);
  for (;;) {
    const int id = ctx.rng().Between(range.lo, range.hi);
    if (used.count(id) == 0) return id;
  }
}

FarmSpec GenerateFarm(const FarmOptions& options) {
  GenerationContext ctx(options.seed);
  return GenerateFarm(options, &ctx);
}

FarmSpec GenerateFarm(const FarmOptions& options, GenerationContext* context) {
  GenerationContext& ctx = *context;
  FarmSpec farm;
  // The fault pages' own numbers must never turn up on an ordinary advert.
  ctx.phones().Reserve(kBrokenPagePhone);
  ctx.phones().Reserve(kLatin1PagePhone);
  // Planted contacts are reserved before anything else draws from the pools.
  PlantedAdverts planted = PlantGroups(ctx);
  farm.groups = std::move(planted.groups);

  farm.sites.push_back(MakeSite(ctx, kVelvetRooms, "Velvet Rooms", "adult", Layout::kVelvetTable,
                                "hello.velvetrooms@example.org", PhoneStyle::kSpaced));
  farm.sites.push_back(MakeSite(ctx, kSilkCompanions, "Silk Companions", "adult",
                                Layout::kSilkCards, "bookings.silk@example.com", PhoneStyle::kSpaced));
  farm.sites.push_back(MakeSite(ctx, kShireJobs, "Shire Jobs", "jobs", Layout::kShireList,
                                "advertise.shirejobs@example.org", PhoneStyle::kBracketed));
  farm.sites.push_back(MakeSite(ctx, kCountyWorkBoard, "County Work Board", "jobs",
                                Layout::kCountyRows, "help.countywork@example.com", PhoneStyle::kIntl));

  for (std::size_t i = 0; i < farm.sites.size(); ++i) {
    SiteSpec& site = farm.sites[i];
    site.adverts_per_page = std::max(1, options.adverts_per_listing_page);
    for (const AdvertSpec& ad : planted.adverts) {
      if (ad.site == site.name) site.adverts.push_back(ad);
    }
    const bool adult = site.kind == "adult";
    if (!site.disallowed_prefix.empty()) {
      for (int k = 0; k < kOrdinaryDisallowedAdverts; ++k) {
        AdvertSpec ad = OrdinaryAdultAdvert(ctx, site.name);
        ad.disallowed = true;
        site.adverts.push_back(std::move(ad));
      }
    }
    const std::size_t wanted = std::max<std::size_t>(
        static_cast<std::size_t>(std::max(0, options.adverts_per_site)),
        site.adverts.size() + kMinOrdinaryAdverts);
    while (site.adverts.size() < wanted) {
      site.adverts.push_back(adult ? OrdinaryAdultAdvert(ctx, site.name)
                                   : OrdinaryJobAdvert(ctx, site.name));
    }
    ctx.rng().Shuffle(site.adverts);
    const IdRange range = IdRangeFor(site.name);
    AssignIdsAndPaths(ctx, range.lo, range.hi, &site);
  }
  // Photos draw nothing from `ctx`: the farm's text is as without them.
  PlantPhotos(&farm);
  // After the four sites, so adding it changed none of their adverts.
  farm.hostile = MakeHostileSite(ctx);
  return farm;
}

}  // namespace plainsight::farm
