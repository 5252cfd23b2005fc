#include "tests/farm/farm_days.h"

#include <cstdio>
#include <utility>
#include <vector>

#include "tests/farm/ordinary_adverts.h"
#include "tests/farm/planted_groups.h"
#include "tests/farm/site_generator.h"
#include "tests/farm/site_template.h"

namespace plainsight::farm {

namespace {

constexpr char kCircuitPhone[] = "07700900123";

// Ordinary, crawlable adverts of a site: the only ones a day may touch.
std::vector<std::size_t> Changeable(const SiteSpec& site) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < site.adverts.size(); ++i) {
    if (site.adverts[i].group.empty() && !site.adverts[i].disallowed) out.push_back(i);
  }
  return out;
}

std::string DayDate(int day) {
  char date[16];
  std::snprintf(date, sizeof date, "2026-12-%02d", day < 1 ? 1 : day > 28 ? 28 : day);
  return date;
}

void Edit(int day, AdvertSpec* ad) {
  ad->paragraphs.push_back(ad->pay.empty()
                               ? "Update: now also available at weekends, by appointment."
                               : "Update: overtime is now available at the same hourly rate.");
  ad->changed_day = day;
}

AdvertSpec NewCircuitAdvert(int day) {
  AdvertSpec ad;
  ad.site = kSilkCompanions;
  ad.name = "Yana";
  ad.age = 23;
  ad.town = "Rushden";
  ad.price = "£60 per hour";
  ad.title = "Yana, 23, just arrived in Rushden";
  ad.phone_written = WritePhone(kCircuitPhone, PhoneStyle::kSpaced);
  ad.phone_e164 = PhoneE164(kCircuitPhone);
  ad.paragraphs = {"New girls every week. Yana has just arrived and is available now.",
                   "Age 23. Based in Rushden, in-calls and out-calls.",
                   ad.price + ". Call or text " + ad.phone_written + "."};
  ad.group = kSharedPhoneCircuit;
  ad.posted = DayDate(day);
  ad.added_day = day;
  return ad;
}

// Gives `ad` a fresh id and path and puts it at the top of listing page 1.
void AddOnTop(GenerationContext& ctx, SiteSpec* site, AdvertSpec ad, DayChangeSpec* changes) {
  ad.id = FreshAdvertId(ctx, *site);
  ad.path = TemplateFor(site->layout).AdvertPath(ad);
  changes->added.push_back({site->name, ad.path});
  site->adverts.insert(site->adverts.begin(), std::move(ad));
}

}  // namespace

const DayChangeSpec& AdvanceFarmDay(GenerationContext& ctx, FarmSpec* farm) {
  const int day = ++farm->day;
  DayChangeSpec changes;
  changes.day = day;
  for (std::size_t s = 0; s < farm->sites.size(); ++s) {
    SiteSpec& site = farm->sites[s];
    std::vector<std::size_t> changeable = Changeable(site);
    if (changeable.size() >= 2) {
      ctx.rng().Shuffle(changeable);
      AdvertSpec& edited = site.adverts[changeable[0]];
      Edit(day, &edited);
      changes.edited.push_back({site.name, edited.path});

      const std::size_t removed_at = changeable[1];
      const AdvertSpec removed = site.adverts[removed_at];
      site.retired_ids.push_back(removed.id);
      if (s % 2 == 0) {
        changes.removed_404.push_back({site.name, removed.path});
      } else {
        site.gone_paths.push_back(removed.path);
        changes.removed_410.push_back({site.name, removed.path});
      }
      site.adverts.erase(site.adverts.begin() + static_cast<std::ptrdiff_t>(removed_at));
    }
    AdvertSpec fresh = site.kind == "adult" ? OrdinaryAdultAdvert(ctx, site.name)
                                            : OrdinaryJobAdvert(ctx, site.name);
    fresh.posted = DayDate(day);
    fresh.added_day = day;
    AddOnTop(ctx, &site, std::move(fresh), &changes);
    if (day == kCircuitGrowthDay && site.name == kSilkCompanions) {
      AddOnTop(ctx, &site, NewCircuitAdvert(day), &changes);
    }
  }
  farm->history.push_back(std::move(changes));
  return farm->history.back();
}

}  // namespace plainsight::farm
