#include "crawler/chrome_images.h"

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/image_record.h"

namespace plainsight {
namespace {

std::uint64_t UrlHash(const std::string& site, const std::string& url) {
  return std::hash<std::string>()(site + '\x1f' + url);
}

// Visits every advert's image rows one advert at a time, with its site.
Status ForEachAdvertsRows(
    const Store& store,
    const std::function<Status(const std::string& site, const std::vector<AdvertImage>&)>& visit) {
  std::vector<AdvertImage> rows;
  Status inner = Status::OK();
  auto flush = [&]() {
    if (rows.empty()) return Status::OK();
    auto summary = store.GetAdvertSummary(rows.front().advert_id);
    if (!summary.ok()) return summary.status();
    // Rows of an advert no longer stored are retention's to delete.
    Status s = summary->has_value() ? visit((*summary)->site, rows) : Status::OK();
    rows.clear();
    return s;
  };
  Status s = ForEachAdvertImage(store, [&](const AdvertImage& image) {
    if (!rows.empty() && rows.front().advert_id != image.advert_id) inner = flush();
    rows.push_back(image);
    return inner.ok();
  });
  if (!s.ok()) return s;
  if (!inner.ok()) return inner;
  return flush();
}

}  // namespace

Result<ChromeSettled> SettleChromeImages(Store& store, int min_adverts) {
  std::unordered_map<std::string, int> adverts_with_images;  // per site
  std::unordered_map<std::uint64_t, int> adverts_showing;    // per (site, url)
  Status counted = ForEachAdvertsRows(store, [&](const std::string& site,
                                                 const std::vector<AdvertImage>& rows) {
    ++adverts_with_images[site];
    std::unordered_set<std::string> distinct;
    for (const AdvertImage& row : rows) {
      if (distinct.insert(row.url).second) ++adverts_showing[UrlHash(site, row.url)];
    }
    return Status::OK();
  });
  if (!counted.ok()) return counted;
  auto is_chrome = [&](const std::string& site, const std::string& url) {
    auto it = adverts_showing.find(UrlHash(site, url));
    if (it == adverts_showing.end()) return false;
    return it->second >= min_adverts && 2 * it->second > adverts_with_images[site];
  };
  ChromeSettled settled;
  std::unordered_set<std::uint64_t> chrome_seen;
  Status refused = ForEachAdvertsRows(store, [&](const std::string& site,
                                                 const std::vector<AdvertImage>& rows) {
    for (const AdvertImage& row : rows) {
      if (!is_chrome(site, row.url)) {
        // Skipped as chrome on a run's partial counts, but not chrome on the
        // whole store's: the row goes, so the advert's next visit fetches it.
        if (row.sha256.empty() && row.error == kSiteChromeRefusal) {
          if (Status s = store.DeleteMeta(AdvertImageKey(row.advert_id, row.url)); !s.ok()) return s;
          ++settled.rows_reopened;
        }
        continue;
      }
      if (chrome_seen.insert(UrlHash(site, row.url)).second) ++settled.chrome_urls;
      if (row.sha256.empty() && row.error == kSiteChromeRefusal) continue;
      if (Status s = RefuseAdvertImage(store, row, kSiteChromeRefusal); !s.ok()) return s;
      ++settled.rows_refused;
    }
    return Status::OK();
  });
  if (!refused.ok()) return refused;
  return settled;
}

}  // namespace plainsight
