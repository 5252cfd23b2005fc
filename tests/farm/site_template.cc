#include "tests/farm/site_template.h"

namespace plainsight::farm {

const SiteTemplate& TemplateFor(Layout layout) {
  switch (layout) {
    case Layout::kVelvetTable: return VelvetTableTemplate();
    case Layout::kSilkCards: return SilkCardsTemplate();
    case Layout::kShireList: return ShireListTemplate();
    case Layout::kCountyRows: return CountyRowsTemplate();
  }
  return VelvetTableTemplate();
}

int ListingPageCount(const SiteSpec& site) {
  const int per_page = site.adverts_per_page > 0 ? site.adverts_per_page : 1;
  const int count = static_cast<int>(site.adverts.size());
  return count == 0 ? 1 : (count + per_page - 1) / per_page;
}

std::vector<const AdvertSpec*> AdvertsOnPage(const SiteSpec& site, int page) {
  std::vector<const AdvertSpec*> out;
  const int per_page = site.adverts_per_page > 0 ? site.adverts_per_page : 1;
  const std::size_t count = site.adverts.size();
  for (int i = (page - 1) * per_page; i < page * per_page; ++i) {
    if (i < 0 || static_cast<std::size_t>(i) >= count) continue;
    out.push_back(&site.adverts[static_cast<std::size_t>(i)]);
  }
  return out;
}

}  // namespace plainsight::farm
