#include "leads/lead_ids.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/sha256.h"

namespace plainsight {
namespace {

bool Contains(const std::vector<std::string>& sorted, const std::string& value) {
  return std::binary_search(sorted.begin(), sorted.end(), value);
}

}  // namespace

LeadIdStats AssignLeadIds(const std::vector<LeadRecord>& previous, std::int64_t now,
                          std::vector<LeadRecord>* leads) {
  return AssignLeadIds(previous, now, leads, {});
}

LeadIdStats AssignLeadIds(const std::vector<LeadRecord>& previous, std::int64_t now,
                          std::vector<LeadRecord>* leads,
                          const std::function<bool(const std::string&)>& taken_elsewhere) {
  LeadIdStats stats;
  // Flat containers throughout: at a million adverts and 100k+ leads, maps
  // of strings and pairs cost seconds in allocation alone.
  std::unordered_map<std::string_view, std::uint32_t> old_lead_of_advert;
  size_t old_adverts = 0;
  for (const LeadRecord& old : previous) old_adverts += old.advert_ids.size();
  old_lead_of_advert.reserve(old_adverts);
  for (size_t k = 0; k < previous.size(); ++k) {
    for (const auto& id : previous[k].advert_ids) {
      old_lead_of_advert[id] = static_cast<std::uint32_t>(k);
    }
  }
  // overlap = (new, old, shared adverts), sorted by new then old.
  struct Overlap {
    size_t fresh, old, shared;
  };
  std::vector<Overlap> overlap;
  {
    std::vector<std::pair<size_t, size_t>> pairs;
    for (size_t n = 0; n < leads->size(); ++n) {
      for (const auto& id : (*leads)[n].advert_ids) {
        auto it = old_lead_of_advert.find(id);
        if (it != old_lead_of_advert.end()) pairs.emplace_back(n, it->second);
      }
    }
    std::sort(pairs.begin(), pairs.end());
    for (const auto& pair : pairs) {
      if (!overlap.empty() && overlap.back().fresh == pair.first &&
          overlap.back().old == pair.second) {
        ++overlap.back().shared;
      } else {
        overlap.push_back({pair.first, pair.second, 1});
      }
    }
  }
  using Candidate = Overlap;
  std::vector<Candidate> candidates(overlap);
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    const LeadRecord& x = previous[a.old];
    const LeadRecord& y = previous[b.old];
    return std::tie(x.created_at, x.id, b.shared, a.fresh) <
           std::tie(y.created_at, y.id, a.shared, b.fresh);
  });
  std::vector<long> heir(leads->size(), -1);  // new lead -> previous index
  std::vector<bool> old_taken(previous.size(), false);
  for (const Candidate& c : candidates) {
    if (heir[c.fresh] >= 0 || old_taken[c.old]) continue;
    heir[c.fresh] = static_cast<long>(c.old);
    old_taken[c.old] = true;
  }

  std::unordered_set<std::string> used;
  used.reserve(previous.size() + leads->size());
  for (const LeadRecord& old : previous) used.insert(old.id);
  const auto taken = [&](const std::string& id) {
    return used.count(id) != 0 || (taken_elsewhere && taken_elsewhere(id));
  };
  // Where each new lead's run starts in `overlap`.
  std::vector<size_t> first_overlap(leads->size() + 1, overlap.size());
  for (size_t i = overlap.size(); i-- > 0;) first_overlap[overlap[i].fresh] = i;
  for (size_t n = leads->size(); n-- > 0;) {
    first_overlap[n] = std::min(first_overlap[n], first_overlap[n + 1]);
  }
  for (size_t n = 0; n < leads->size(); ++n) {
    LeadRecord& lead = (*leads)[n];
    if (heir[n] >= 0) {
      const LeadRecord& ancestor = previous[static_cast<size_t>(heir[n])];
      lead.id = ancestor.id;
      lead.created_at = ancestor.created_at;
      lead.status = ancestor.status;
      lead.merged_from = ancestor.merged_from;
      lead.split_from = ancestor.split_from;
      bool grew = false;
      const std::vector<std::string>* old_ids = &ancestor.advert_ids;
      std::vector<std::string> sorted;
      if (!std::is_sorted(old_ids->begin(), old_ids->end())) {
        sorted = *old_ids;
        std::sort(sorted.begin(), sorted.end());
        old_ids = &sorted;
      }
      for (const auto& id : lead.advert_ids) grew = grew || !Contains(*old_ids, id);
      lead.updated_at = grew ? now : ancestor.updated_at;
      if (grew && lead.status != "new" && lead.status != "updated") {
        lead.status = "updated";
        ++stats.updated_leads;
      }
    }
    // Every other earlier lead it overlaps: merged in, or split from.
    for (size_t i = first_overlap[n]; i < overlap.size() && overlap[i].fresh == n; ++i) {
      const size_t old = overlap[i].old;
      if (heir[n] == static_cast<long>(old)) continue;
      const std::string& old_id = previous[old].id;
      if (old_taken[old]) {
        if (heir[n] < 0 && lead.split_from.empty()) lead.split_from = old_id;
      } else if (std::find(lead.merged_from.begin(), lead.merged_from.end(), old_id) ==
                 lead.merged_from.end()) {
        lead.merged_from.push_back(old_id);
      }
    }
    if (heir[n] < 0) {
      lead.id = "L-" + Sha256Hex(lead.advert_ids.front()).substr(0, 12);
      while (taken(lead.id)) lead.id = "L-" + Sha256Hex(lead.id).substr(0, 12);
      lead.created_at = now;
      lead.updated_at = now;
      lead.status = "new";
      ++stats.new_leads;
      if (!lead.split_from.empty()) ++stats.split_leads;
    }
    used.insert(lead.id);
  }
  return stats;
}

}  // namespace plainsight
