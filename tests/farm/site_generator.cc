#include "tests/farm/site_generator.h"

#include <algorithm>
#include <set>

#include "tests/farm/generation_context.h"
#include "tests/farm/ordinary_adverts.h"
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

FarmSpec GenerateFarm(const FarmOptions& options) {
  GenerationContext ctx(options.seed);
  FarmSpec farm;
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

  static const struct {
    int id_lo;
    int id_hi;
  } kIdRanges[] = {{1000, 9999}, {100, 999}, {40000, 89999}, {1, 4999}};

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
    AssignIdsAndPaths(ctx, kIdRanges[i].id_lo, kIdRanges[i].id_hi, &site);
  }
  return farm;
}

}  // namespace plainsight::farm
