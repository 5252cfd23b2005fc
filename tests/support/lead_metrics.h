// Lead metrics: scores `plainsight leads --format json --min-score 0`
// against a farm's planted truth, for any farm. Header-only.
//
// Input: the parsed leads document ({"leads": [{"id", "score", "reasons",
// "adverts": [{"url"}]}]}), the truth groups (name, risky, advert URLs;
// ordinary adverts are in no group) and the min_score analysts use. Only
// leads scoring at least min_score count ("shown" below).
//
//   found            a risky group is found when exactly one shown lead
//                    holds at least 80% of its adverts and no other shown
//                    lead holds any of them
//   mixed            the lead that holds most of a risky group also holds
//                    adverts of another risky group
//   precision_at_20  of the top min(20, n) shown leads by score, the share
//                    whose adverts are more than half from one risky group
//                    and hold no advert of a second risky group (0 when no
//                    lead is shown)
//   largest_lead     adverts in the largest shown lead
//   benign_shown     benign groups that a shown lead holds at least two
//                    adverts of (or the only advert of a one-advert group)
//
// FormatReport() prints all of it, one line per group, plus the top 20
// shown leads with score, size, label and first three reasons.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace plainsight::testing {

struct TruthGroupUrls {
  std::string name;
  bool risky = false;
  std::vector<std::string> advert_urls;
};

struct RiskyGroupResult {
  std::string name;
  std::size_t size = 0;
  bool found = false;
  bool mixed = false;
  std::string lead_id;           // the shown lead holding most of the group, "" if none
  double lead_score = 0;
  std::size_t held = 0;          // the group's adverts in that lead
  std::size_t leads_touching = 0;  // shown leads holding any of the group's adverts
  std::vector<std::string> mixed_with;  // other risky groups in that lead
};

struct BenignGroupResult {
  std::string name;
  std::size_t size = 0;
  bool shown = false;
  std::string lead_id;  // the shown lead holding most of the group, "" if none
  double lead_score = 0;
  std::size_t held = 0;
};

struct LeadSummary {
  std::string id;
  double score = 0;
  std::size_t size = 0;
  std::string label;  // "risky:NAME 9/10", "MIXED:A+B", "benign:NAME 3/3", "unplanted"
  bool clean = false;  // counts towards precision
  std::vector<std::string> reasons;  // the first three
};

struct LeadMetrics {
  double min_score = 0;
  std::vector<RiskyGroupResult> risky;
  std::vector<BenignGroupResult> benign;
  std::size_t risky_found = 0;
  std::size_t risky_mixed = 0;
  double precision_at_20 = 0;
  std::size_t precision_window = 0;  // min(20, shown leads)
  std::size_t precision_clean = 0;
  std::size_t largest_lead = 0;          // among shown leads
  std::size_t largest_lead_any = 0;      // among all leads, whatever the score
  std::size_t largest_risky_group = 0;
  std::size_t benign_shown = 0;
  std::size_t leads_shown = 0;
  std::size_t leads_total = 0;
  std::size_t advert_urls_in_leads = 0;  // distinct advert URLs in shown leads
  std::vector<LeadSummary> top;          // the top 20 shown leads
};

namespace lead_metrics_detail {

struct Lead {
  std::string id;
  double score = 0;
  std::vector<std::string> urls;
  std::vector<std::string> reasons;
};

inline std::vector<Lead> ParseLeads(const nlohmann::json& doc) {
  std::vector<Lead> leads;
  if (!doc.is_object() || !doc.contains("leads") || !doc["leads"].is_array()) return leads;
  for (const auto& item : doc["leads"]) {
    Lead lead;
    lead.id = item.value("id", std::string());
    if (item.contains("score") && item["score"].is_number()) lead.score = item["score"].get<double>();
    if (item.contains("adverts") && item["adverts"].is_array())
      for (const auto& advert : item["adverts"])
        if (advert.contains("url") && advert["url"].is_string()) lead.urls.push_back(advert["url"].get<std::string>());
    std::sort(lead.urls.begin(), lead.urls.end());
    lead.urls.erase(std::unique(lead.urls.begin(), lead.urls.end()), lead.urls.end());
    if (item.contains("reasons") && item["reasons"].is_array())
      for (const auto& reason : item["reasons"])
        if (reason.is_string()) lead.reasons.push_back(reason.get<std::string>());
    leads.push_back(std::move(lead));
  }
  // Highest score first; ties keep the document's order.
  std::stable_sort(leads.begin(), leads.end(),
                   [](const Lead& a, const Lead& b) { return a.score > b.score; });
  return leads;
}

inline std::string Fraction(std::size_t part, std::size_t whole) {
  return std::to_string(part) + "/" + std::to_string(whole);
}

inline std::string Score(double score) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", score);
  return buffer;
}

}  // namespace lead_metrics_detail

inline LeadMetrics EvaluateLeads(const nlohmann::json& leads_doc,
                                 const std::vector<TruthGroupUrls>& truth, double min_score) {
  using lead_metrics_detail::Fraction;
  using lead_metrics_detail::Lead;
  LeadMetrics m;
  m.min_score = min_score;
  const std::vector<Lead> all = lead_metrics_detail::ParseLeads(leads_doc);
  m.leads_total = all.size();
  std::vector<const Lead*> shown;
  for (const Lead& lead : all) {
    m.largest_lead_any = std::max(m.largest_lead_any, lead.urls.size());
    if (lead.score >= min_score) shown.push_back(&lead);
  }
  m.leads_shown = shown.size();

  // Which group each advert URL belongs to.
  std::map<std::string, std::size_t> group_of;
  for (std::size_t g = 0; g < truth.size(); ++g) {
    for (const std::string& url : truth[g].advert_urls) group_of.emplace(url, g);
    if (truth[g].risky) m.largest_risky_group = std::max(m.largest_risky_group, truth[g].advert_urls.size());
  }
  // Per shown lead: how many adverts of each group it holds.
  std::vector<std::map<std::size_t, std::size_t>> counts(shown.size());
  std::set<std::string> urls_shown;
  for (std::size_t l = 0; l < shown.size(); ++l) {
    m.largest_lead = std::max(m.largest_lead, shown[l]->urls.size());
    for (const std::string& url : shown[l]->urls) {
      urls_shown.insert(url);
      auto it = group_of.find(url);
      if (it != group_of.end()) ++counts[l][it->second];
    }
  }
  m.advert_urls_in_leads = urls_shown.size();

  // The shown lead holding most of group g (first by score on ties), and
  // how many shown leads touch it.
  auto best_lead = [&](std::size_t g, std::size_t* held, std::size_t* touching) {
    std::size_t best = shown.size();
    *held = 0;
    *touching = 0;
    for (std::size_t l = 0; l < shown.size(); ++l) {
      auto it = counts[l].find(g);
      if (it == counts[l].end()) continue;
      ++*touching;
      if (it->second > *held) {
        *held = it->second;
        best = l;
      }
    }
    return best;
  };

  for (std::size_t g = 0; g < truth.size(); ++g) {
    const TruthGroupUrls& group = truth[g];
    const std::size_t size = group.advert_urls.size();
    std::size_t held = 0, touching = 0;
    const std::size_t l = best_lead(g, &held, &touching);
    if (group.risky) {
      RiskyGroupResult r;
      r.name = group.name;
      r.size = size;
      r.held = held;
      r.leads_touching = touching;
      if (l < shown.size()) {
        r.lead_id = shown[l]->id;
        r.lead_score = shown[l]->score;
        for (const auto& [other, n] : counts[l])
          if (other != g && truth[other].risky && n > 0) r.mixed_with.push_back(truth[other].name);
      }
      r.mixed = !r.mixed_with.empty();
      r.found = touching == 1 && size > 0 && static_cast<double>(held) >= 0.8 * static_cast<double>(size);
      m.risky_found += r.found ? 1 : 0;
      m.risky_mixed += r.mixed ? 1 : 0;
      m.risky.push_back(std::move(r));
    } else {
      BenignGroupResult b;
      b.name = group.name;
      b.size = size;
      b.held = held;
      if (l < shown.size()) {
        b.lead_id = shown[l]->id;
        b.lead_score = shown[l]->score;
      }
      b.shown = held >= 2 || (size == 1 && held == 1);
      m.benign_shown += b.shown ? 1 : 0;
      m.benign.push_back(std::move(b));
    }
  }

  // Labels, precision and the top 20.
  m.precision_window = std::min<std::size_t>(20, shown.size());
  for (std::size_t l = 0; l < shown.size() && l < 20; ++l) {
    const Lead& lead = *shown[l];
    LeadSummary s;
    s.id = lead.id;
    s.score = lead.score;
    s.size = lead.urls.size();
    for (std::size_t i = 0; i < lead.reasons.size() && i < 3; ++i) s.reasons.push_back(lead.reasons[i]);
    std::vector<std::size_t> risky_groups;
    std::size_t top_group = truth.size(), top_count = 0;
    for (const auto& [g, n] : counts[l]) {
      if (truth[g].risky) risky_groups.push_back(g);
      if (n > top_count) {
        top_group = g;
        top_count = n;
      }
    }
    if (risky_groups.size() > 1) {
      s.label = "MIXED:";
      for (std::size_t i = 0; i < risky_groups.size(); ++i)
        s.label += (i ? "+" : "") + truth[risky_groups[i]].name;
    } else if (top_group < truth.size()) {
      s.label = std::string(truth[top_group].risky ? "risky:" : "benign:") + truth[top_group].name + " " +
                Fraction(top_count, s.size);
      if (!risky_groups.empty() && risky_groups[0] != top_group)
        s.label += " (+ risky " + truth[risky_groups[0]].name + ")";
    } else {
      s.label = "unplanted";
    }
    s.clean = risky_groups.size() == 1 && top_group == risky_groups[0] &&
              2 * top_count > s.size;
    m.precision_clean += s.clean ? 1 : 0;
    m.top.push_back(std::move(s));
  }
  m.precision_at_20 = m.precision_window == 0
                          ? 0.0
                          : static_cast<double>(m.precision_clean) / static_cast<double>(m.precision_window);
  return m;
}

inline std::string FormatReport(const LeadMetrics& m) {
  using lead_metrics_detail::Fraction;
  using lead_metrics_detail::Score;
  std::ostringstream out;
  out << "lead metrics at min_score " << Score(m.min_score) << ": " << m.leads_shown << " leads shown of "
      << m.leads_total << " (" << m.advert_urls_in_leads << " adverts in shown leads)\n";
  out << "risky groups found: " << Fraction(m.risky_found, m.risky.size()) << ", mixed: " << m.risky_mixed
      << "\n";
  for (const RiskyGroupResult& r : m.risky) {
    out << "  [" << (r.found ? "found " : "MISSED") << "] " << r.name << " (" << r.size << " adverts): ";
    if (r.lead_id.empty()) {
      out << "in no shown lead\n";
      continue;
    }
    out << r.lead_id << " score " << Score(r.lead_score) << " holds " << Fraction(r.held, r.size) << "; "
        << r.leads_touching << " shown lead(s) touch it";
    if (r.mixed) {
      out << "; MIXED with";
      for (const std::string& other : r.mixed_with) out << " " << other;
    }
    out << "\n";
  }
  out << "benign groups shown: " << Fraction(m.benign_shown, m.benign.size()) << "\n";
  for (const BenignGroupResult& b : m.benign) {
    out << "  [" << (b.shown ? "SHOWN " : "  ok  ") << "] " << b.name << " (" << b.size << " adverts): ";
    if (b.lead_id.empty())
      out << "in no shown lead\n";
    else
      out << b.lead_id << " score " << Score(b.lead_score) << " holds " << Fraction(b.held, b.size) << "\n";
  }
  out << "precision@20: " << Score(m.precision_at_20) << " (" << Fraction(m.precision_clean, m.precision_window)
      << ")\n";
  out << "largest shown lead: " << m.largest_lead << " adverts (largest planted risky group "
      << m.largest_risky_group << "; largest lead of any score " << m.largest_lead_any << ")\n";
  out << "top " << m.top.size() << " shown leads:\n";
  for (std::size_t i = 0; i < m.top.size(); ++i) {
    const LeadSummary& s = m.top[i];
    out << "  " << (i + 1) << ". " << s.id << " score " << Score(s.score) << " size " << s.size << " "
        << s.label << (s.clean ? "" : "  [not clean]") << "\n";
    for (const std::string& reason : s.reasons) out << "       - " << reason << "\n";
  }
  return out.str();
}

}  // namespace plainsight::testing
