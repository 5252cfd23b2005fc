#include "leads/correlate.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <unordered_map>

#include "leads/corpus.h"
#include "leads/lead_ids.h"
#include "leads/lead_scorer.h"
#include "leads/link_graph.h"
#include "leads/template_diff.h"

namespace plainsight {
namespace {

// Adverts shown to BuildTemplate: enough to show the slots, few enough to
// stay quick (alignment is quadratic in words per text).
constexpr size_t kTemplateSampleAdverts = 4;
constexpr size_t kTemplateMaxWords = 200;

// Members of each group, as one flat array (counting sort).
struct Groups {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> members;
};

class StepTimer {
 public:
  explicit StepTimer(CorrelateSummary* summary) : summary_(summary) {}
  void Done(const char* step) {
    auto now = std::chrono::steady_clock::now();
    summary_->step_seconds.emplace_back(step, std::chrono::duration<double>(now - start_).count());
    start_ = now;
  }

 private:
  CorrelateSummary* summary_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

Groups GroupMembers(const LinkGraph& graph) {
  Groups g;
  g.offsets.assign(graph.groups + 1, 0);
  for (std::uint32_t group : graph.group) ++g.offsets[group + 1];
  for (size_t k = 0; k < graph.groups; ++k) g.offsets[k + 1] += g.offsets[k];
  g.members.resize(graph.group.size());
  std::vector<std::uint32_t> fill(g.offsets.begin(), g.offsets.end() - 1);
  for (size_t i = 0; i < graph.group.size(); ++i) {
    g.members[fill[graph.group[i]]++] = static_cast<std::uint32_t>(i);
  }
  return g;
}

Status AddTemplate(const Store& store, const Corpus& corpus,
                   const std::vector<std::uint32_t>& members, LeadRecord* lead) {
  std::vector<std::string> texts;
  for (std::uint32_t i : members) {
    if (texts.size() == kTemplateSampleAdverts) break;
    auto advert = store.GetAdvert(corpus.adverts[i].id);
    if (!advert.ok()) return advert.status();
    // The title is often repeated in the text; the page chrome never helps.
    if (advert->has_value()) {
      texts.push_back(WithoutChrome(corpus, corpus.adverts[i].site, (*advert)->text));
    }
  }
  if (texts.size() < 2) return Status::OK();
  AdvertTemplate t = BuildTemplate(texts, kTemplateMaxWords);
  lead->template_text = std::move(t.text);
  lead->template_slots.clear();
  for (TemplateSlot& slot : t.slots) lead->template_slots.push_back(std::move(slot.values));
  return Status::OK();
}

Status BuildTemplatesInParallel(const Store& store, const Corpus& corpus,
                                const std::vector<size_t>& to_build,
                                const std::vector<std::vector<std::uint32_t>>& members,
                                std::vector<LeadRecord>* leads) {
  constexpr size_t kThreads = 2;
  std::vector<Status> failures(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (size_t k = t; k < to_build.size(); k += kThreads) {
        const size_t i = to_build[k];
        Status s = AddTemplate(store, corpus, members[i], &(*leads)[i]);
        if (!s.ok()) {
          failures[t] = s;
          return;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& s : failures) {
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

Result<CorrelateSummary> Correlate(Store& store, const LeadSettings& settings, std::int64_t now) {
  return Correlate(store, settings, now, CorrelateOptions{});
}

Result<CorrelateSummary> CorrelateRebuild(Store& store, const LeadSettings& settings,
                                          std::int64_t now) {
  CorrelateOptions options;
  options.rebuild = true;
  return Correlate(store, settings, now, options);
}

Result<CorrelateSummary> Correlate(Store& store, const LeadSettings& settings, std::int64_t now,
                                   const CorrelateOptions& options) {
  CorrelateSummary summary;
  StepTimer timer(&summary);
  CorpusOptions corpus_options;
  corpus_options.reuse_signatures = !options.rebuild;
  Result<Corpus> loaded = LoadCorpus(store, corpus_options);
  if (!loaded.ok()) return loaded.status();
  const Corpus& corpus = *loaded;
  summary.adverts = corpus.adverts.size();
  summary.signatures_computed = corpus.signatures_computed;
  summary.signatures_reused = corpus.signatures_reused;

  timer.Done("load");
  LinkGraph graph = BuildLinkGraph(corpus, settings);
  timer.Done("link");
  summary.boilerplate = graph.boilerplate;
  summary.hubs = graph.hubs;
  const Groups groups = GroupMembers(graph);
  std::vector<std::vector<const LinkSource*>> sources_of(graph.groups);
  for (const LinkSource& s : graph.sources) {
    if (!s.active) continue;
    sources_of[graph.group[s.members.front()]].push_back(&s);
    if (s.kind == LinkKind::kTemplate) ++summary.template_links;
  }

  // Earlier leads: only what ids, review state and template reuse need
  // (their reasons and contacts are recomputed; at 100k+ leads decoding and
  // keeping them would cost seconds and hundreds of megabytes).
  std::vector<LeadRecord> previous;
  Status s = store.ForEachLeadBrief([&](const LeadRecord& lead) {
    previous.push_back(lead);
    return true;
  });
  if (!s.ok()) return s;

  std::vector<LeadRecord> leads;
  std::vector<std::vector<std::uint32_t>> template_members;  // parallel to leads
  for (size_t k = 0; k < graph.groups; ++k) {
    const std::vector<std::uint32_t> members(groups.members.begin() + groups.offsets[k],
                                             groups.members.begin() + groups.offsets[k + 1]);
    const bool linked = members.size() >= 2;
    if (!linked) {
      const AdvertDigest& d = corpus.adverts[members[0]];
      if (d.indicators.empty() && d.removed_at < 0) continue;  // nothing to score
    }
    ScoredGroup scored = ScoreGroup(corpus, graph, members, sources_of[k], settings);
    if (scored.lead.score <= 0 ||
        (!linked && scored.lead.score < settings.single_advert_min_score)) {
      continue;
    }
    leads.push_back(std::move(scored.lead));
    template_members.push_back(std::move(scored.template_members));
  }
  timer.Done("score");

  LeadIdStats ids = AssignLeadIds(previous, now, &leads);
  summary.new_leads = ids.new_leads;
  summary.updated_leads = ids.updated_leads;
  summary.split_leads = ids.split_leads;
  timer.Done("ids");

  // Templates cost a read and an alignment per sampled advert: an unchanged
  // lead keeps the template it already has; the rest are built on two
  // threads (the store is safe for concurrent reads, BuildTemplate is pure).
  std::unordered_map<std::string, const LeadRecord*> previous_by_id;
  for (const LeadRecord& old : previous) previous_by_id[old.id] = &old;
  std::vector<size_t> to_build;
  for (size_t i = 0; i < leads.size(); ++i) {
    if (template_members[i].empty()) continue;
    auto old = previous_by_id.find(leads[i].id);
    if (old != previous_by_id.end() && !old->second->template_text.empty() &&
        old->second->advert_ids == leads[i].advert_ids) {
      leads[i].template_text = old->second->template_text;
      leads[i].template_slots = old->second->template_slots;
      continue;
    }
    to_build.push_back(i);
  }
  s = BuildTemplatesInParallel(store, corpus, to_build, template_members, &leads);
  if (!s.ok()) return s;
  timer.Done("templates");
  // Writing encodes every lead at once: free the corpus, graph and earlier
  // leads first so the peak is one of them, not their sum.
  previous_by_id = {};
  previous = {};
  template_members = {};
  sources_of = {};
  graph = LinkGraph{};
  *loaded = Corpus{};
  std::sort(leads.begin(), leads.end(), [](const LeadRecord& a, const LeadRecord& b) {
    return a.score != b.score ? a.score > b.score : a.id < b.id;
  });
  summary.leads = leads.size();
  s = store.ReplaceLeads(leads);
  if (!s.ok()) return s;
  timer.Done("write");
  return summary;
}

}  // namespace plainsight
