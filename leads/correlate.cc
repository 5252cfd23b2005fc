#include "leads/correlate.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <thread>
#include <unordered_map>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "leads/change_log.h"
#include "leads/corpus.h"
#include "leads/image_links.h"
#include "leads/lead_ids.h"
#include "leads/lead_selection.h"
#include "leads/lead_scorer.h"
#include "leads/link_graph.h"
#include "leads/template_diff.h"

namespace plainsight {
namespace {

// Adverts shown to BuildTemplate: enough to show the slots, few enough to
// stay quick (alignment is quadratic in words per text).
constexpr size_t kTemplateSampleAdverts = 4;
constexpr size_t kTemplateMaxWords = 200;

// Releases a container's storage (`c = {}` would only clear it: that picks
// the initializer_list assignment, which keeps the capacity).
template <typename Container>
void FreeMemory(Container& c) {
  Container().swap(c);
}

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
  std::string title, text;
  for (std::uint32_t i : members) {
    if (texts.size() == kTemplateSampleAdverts) break;
    // The text alone: decoding whole adverts was most of this step.
    auto found = store.GetAdvertText(std::string(corpus.Id(i)), &title, &text);
    if (!found.ok()) return found.status();
    // The title is often repeated in the text; the page chrome never helps.
    if (*found) texts.push_back(WithoutChrome(corpus, corpus.adverts[i].site, text));
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
  // Read before the corpus, so a change written while this runs is not
  // cleared with the ones it saw.
  Result<ChangeLog> changes = ReadChangeLog(store);
  if (!changes.ok()) return changes.status();
  summary.changed_adverts = changes->advert_ids.size();
  CorpusOptions corpus_options;
  corpus_options.reuse_signatures = !options.rebuild;
  corpus_options.common_share = settings.template_common_share;
  corpus_options.common_min_writers = settings.template_common_min_writers;
  corpus_options.site_wide_share = settings.boilerplate_share;
  corpus_options.site_wide_min_adverts = settings.boilerplate_min_adverts;
  Result<Corpus> loaded = LoadCorpus(store, corpus_options);
  if (!loaded.ok()) return loaded.status();
  timer.Done("load");
  // Photos shared by adverts link like contacts (image_links.h).
  Status photos = AddImageEntities(store, &*loaded);
  if (!photos.ok()) return photos;
  timer.Done("images");
  const Corpus& corpus = *loaded;
  summary.adverts = corpus.adverts.size();
  summary.signatures_computed = corpus.signatures_computed;
  summary.signatures_reused = corpus.signatures_reused;
  LinkGraph graph = BuildLinkGraph(corpus, settings);
  // Nothing after linking reads the signatures (a quarter of a gigabyte at
  // a million adverts): free them before the leads are built.
  loaded->DropSignatures();
  timer.Done("link");
  summary.boilerplate = graph.boilerplate;
  summary.boilerplate.insert(summary.boilerplate.end(), corpus.site_wide_indicators.begin(),
                             corpus.site_wide_indicators.end());
  summary.hubs = graph.hubs;
  const Groups groups = GroupMembers(graph);
  std::vector<std::vector<GroupLink>> sources_of = LinksByGroup(graph);
  for (const LinkSource& s : graph.sources) {
    if (s.joined && s.kind == LinkKind::kTemplate) ++summary.template_links;
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

  // Scored leads are collected in a deque and then moved into a vector of
  // exactly their number: a doubling vector of 100k+ leads would hold up to
  // twice their headers (and both copies while it grows).
  std::deque<LeadRecord> scored_leads;
  std::vector<std::vector<std::uint32_t>> template_members;  // parallel to leads
  for (size_t k = 0; k < graph.groups; ++k) {
    const std::vector<std::uint32_t> members(groups.members.begin() + groups.offsets[k],
                                             groups.members.begin() + groups.offsets[k + 1]);
    const bool linked = members.size() >= 2;
    if (!linked) {
      if (corpus.Indicators(members[0]).empty() && corpus.adverts[members[0]].removed_at < 0) {
        continue;  // nothing to score
      }
    }
    ScoredGroup scored = ScoreGroup(corpus, graph, members, sources_of[k], settings);
    if (scored.lead.score <= 0 ||
        (!linked && scored.lead.score < settings.single_advert_min_score)) {
      continue;
    }
    scored_leads.push_back(std::move(scored.lead));
    template_members.push_back(std::move(scored.template_members));
  }
  std::vector<LeadRecord> leads;
  leads.reserve(scored_leads.size());
  while (!scored_leads.empty()) {  // popping frees the deque block by block
    leads.push_back(std::move(scored_leads.front()));
    scored_leads.pop_front();
  }
  // The graph is only for scoring; free it before the earlier leads are
  // matched and the templates read.
  FreeMemory(sources_of);
  graph = LinkGraph{};
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
  FreeMemory(previous_by_id);
  FreeMemory(previous);
  FreeMemory(template_members);
  *loaded = Corpus{};
  RankLeads(&leads);
  summary.leads = leads.size();
  s = store.ReplaceLeads(leads);
  if (!s.ok()) return s;
  s = ClearChangeLog(store, *changes);
  if (!s.ok()) return s;
  FreeMemory(leads);
#ifdef __GLIBC__
  // A run allocates and frees hundreds of megabytes in small blocks, which
  // glibc keeps: without this the process (a crawl correlates after every
  // run) would hold its largest run's memory for good.
  malloc_trim(0);
#endif
  timer.Done("write");
  return summary;
}

}  // namespace plainsight
