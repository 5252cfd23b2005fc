#include "leads/lead_selection.h"

#include <algorithm>

namespace plainsight {
namespace {

bool NeedsAdverts(const LeadFilter& f) {
  return !f.site.empty() || !f.kind.empty() || !f.category.empty();
}

// Each of site, kind and category is met by some advert of the lead (not
// necessarily the same one).
Result<bool> MatchesAdverts(const Store& store, const LeadRecord& lead, const LeadFilter& f) {
  bool site = f.site.empty(), kind = f.kind.empty(), category = f.category.empty();
  for (const std::string& id : lead.advert_ids) {
    auto advert = store.GetAdvertSummary(id);
    if (!advert.ok()) return advert.status();
    if (!advert->has_value()) continue;
    const AdvertSummary& a = **advert;
    site = site || a.site == f.site;
    kind = kind || a.kind == f.kind;
    for (const IndicatorRecord& hit : a.indicators) category = category || hit.category == f.category;
    if (site && kind && category) return true;
  }
  return false;
}

}  // namespace

bool RanksBefore(const LeadRecord& a, const LeadRecord& b) {
  return a.score != b.score ? a.score > b.score : a.id < b.id;
}

void RankLeads(std::vector<LeadRecord>* leads) {
  std::sort(leads->begin(), leads->end(), RanksBefore);
}

Result<std::vector<LeadRecord>> SelectLeads(const Store& store, const LeadFilter& filter) {
  std::vector<LeadRecord> kept;
  Status failed = Status::OK();
  Status s = store.ForEachLead([&](const LeadRecord& lead) {
    if (lead.score < filter.min_score) return true;
    if (!filter.status.empty() && lead.status != filter.status) return true;
    if (filter.since > 0 && std::max(lead.created_at, lead.updated_at) < filter.since) return true;
    if (NeedsAdverts(filter)) {
      Result<bool> matches = MatchesAdverts(store, lead, filter);
      if (!matches.ok()) {
        failed = matches.status();
        return false;
      }
      if (!*matches) return true;
    }
    kept.push_back(lead);
    return true;
  });
  if (!s.ok()) return s;
  if (!failed.ok()) return failed;
  RankLeads(&kept);
  if (filter.limit > 0 && kept.size() > filter.limit) kept.resize(filter.limit);
  return kept;
}

}  // namespace plainsight
