#include "leads/correlate.h"

#include <string>
#include <utility>
#include <vector>

#include "leads/change_log.h"
#include "leads/corpus.h"
#include "leads/correlate_steps.h"
#include "leads/image_links.h"
#include "leads/incremental_run.h"
#include "leads/lead_ids.h"
#include "leads/lead_selection.h"
#include "leads/link_counts.h"
#include "leads/link_graph.h"
#include "leads/template_index.h"
#include "store/meta_keys.h"

namespace plainsight {
namespace {

Result<CorrelateSummary> CorrelateFully(Store& store, const LeadSettings& settings,
                                        std::int64_t now, const CorrelateOptions& options) {
  CorrelateSummary summary;
  StepTimer timer(&summary);
  // Read before the corpus (and the counts), so a change written while
  // this runs is not cleared with the ones it saw; applying it again next
  // time moves nothing.
  Result<ChangeLog> changes = ReadChangeLog(store);
  if (!changes.ok()) return changes.status();
  if (settings.incremental) {
    // Kept state is written anew below; until then a stop leaves it dirty.
    // Counted before the corpus loads: a change after this is in the
    // change log and is applied by the next run.
    Status s = store.PutMeta(meta_keys::kIncrementalState, "dirty");
    if (s.ok()) s = RecountLinkCounts(store);
    if (!s.ok()) return s;
    timer.Done("counts");
  } else {
    // The counts and index miss what this run clears from the change log:
    // an incremental run after it must start from a full one.
    auto kept = store.GetMeta(meta_keys::kIncrementalState);
    if (!kept.ok()) return kept.status();
    if (kept->has_value()) {
      Status s = store.DeleteMeta(meta_keys::kIncrementalState);
      if (!s.ok()) return s;
    }
  }
  summary.changed_adverts = changes->advert_ids.size();
  Result<Corpus> loaded = LoadCorpus(store, CorpusOptionsFor(settings, options.rebuild));
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
  if (settings.incremental) {
    Status s = WriteTemplateIndex(store, SignaturesOf(corpus), BandingFor(settings));
    if (!s.ok()) return s;
    timer.Done("template index");
  }
  LinkGraph graph = BuildLinkGraph(corpus, settings);
  // Nothing after linking reads the signatures (a quarter of a gigabyte at
  // a million adverts): free them before the leads are built.
  loaded->DropSignatures();
  timer.Done("link");
  ScoredLeads scored = ScoreGroups(corpus, &graph, settings, &summary);
  timer.Done("score");

  // Earlier leads: only what ids, review state and template reuse need
  // (their reasons and contacts are recomputed; at 100k+ leads decoding and
  // keeping them would cost seconds and hundreds of megabytes).
  std::vector<LeadRecord> previous;
  Status s = store.ForEachLeadBrief([&](const LeadRecord& lead) {
    previous.push_back(lead);
    return true;
  });
  if (!s.ok()) return s;
  LeadIdStats ids = AssignLeadIds(previous, now, &scored.leads);
  summary.new_leads = ids.new_leads;
  summary.updated_leads = ids.updated_leads;
  summary.split_leads = ids.split_leads;
  timer.Done("ids");
  s = AddTemplates(store, corpus, previous, &scored);
  if (!s.ok()) return s;
  timer.Done("templates");
  // Writing encodes every lead at once: free the corpus, graph and earlier
  // leads first so the peak is one of them, not their sum.
  FreeMemory(previous);
  FreeMemory(scored.template_members);
  *loaded = Corpus{};
  std::vector<LeadRecord>& leads = scored.leads;
  RankLeads(&leads);
  summary.leads = leads.size();
  s = store.ReplaceLeads(leads);
  if (!s.ok()) return s;
  s = ClearChangeLog(store, *changes);
  if (!s.ok()) return s;
  if (settings.incremental) {
    s = store.PutMeta(meta_keys::kIncrementalState, IncrementalStateValue(settings));
    if (!s.ok()) return s;
  }
  FreeMemory(leads);
  ReturnFreedMemory();
  timer.Done("write");
  return summary;
}

// The run's writes on disk and the compactions they call for done, as a
// last step: the next run (or an analyst's query) starts on a settled
// store instead of paying for this one.
Result<CorrelateSummary> Settled(Store& store, Result<CorrelateSummary> summary) {
  if (!summary.ok()) return summary;
  StepTimer timer(&*summary);
  Status s = store.Flush();
  if (!s.ok()) return s;
  timer.Done("settle");
  return summary;
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
  std::string why_full = options.rebuild ? "rebuild" : "";
  if (settings.incremental && !options.rebuild) {
    auto incremental = CorrelateIncrementally(store, settings, now, &why_full);
    if (incremental.ok() && incremental->has_value()) {
      return Settled(store, std::move(**incremental));
    }
    if (!incremental.ok()) {
      // Kept state that does not hold (a cluster naming a gone advert, a
      // site with no kept chrome): the full run counts everything anew.
      // A failure to read or write the store is the full run's too.
      const Status& failed = incremental.status();
      if (failed.code() != Status::Code::kCorruption && !failed.IsNotFound() &&
          !failed.IsInvalidArgument()) {
        return failed;
      }
      why_full = "the kept state did not hold: " + failed.ToString();
    }
  }
  if (options.rebuild || why_full.rfind("the kept state did not hold", 0) == 0) {
    // The lead-of-advert index written whole by the full run's ReplaceLeads
    // (store.h), not trusted.
    Status s = store.DeleteMeta(meta_keys::kLeadIndexState);
    if (!s.ok()) return s;
  }
  auto summary = CorrelateFully(store, settings, now, options);
  if (summary.ok() && settings.incremental) summary->full_run_reason = why_full;
  return Settled(store, std::move(summary));
}

}  // namespace plainsight
