// Correlation steps shared by the full run (correlate.cc) and the
// incremental run (incremental_run.h): scoring a link graph's groups into
// leads, giving them templates, and the options and kept state both runs
// derive from the lead settings. Internal to the leads module.
//
// Free functions; each reads the store through its thread-safe methods.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "leads/corpus.h"
#include "leads/correlate.h"
#include "leads/link_graph.h"
#include "leads/template_clusters.h"
#include "leads/template_index.h"
#include "store/store.h"

namespace plainsight {

// Releases a container's storage (`c = {}` would only clear it: that picks
// the initializer_list assignment, which keeps the capacity).
template <typename Container>
void FreeMemory(Container& c) {
  Container().swap(c);
}

// Seconds per step into CorrelateSummary::step_seconds.
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

// The leads of every group of a graph worth listing, with the adverts
// each lead's template is built from (parallel to the leads).
struct ScoredLeads {
  std::vector<LeadRecord> leads;
  std::vector<std::vector<std::uint32_t>> template_members;
};

// Scores `graph`'s groups (and frees the graph); fills the summary's
// boilerplate, hubs and template links.
ScoredLeads ScoreGroups(const Corpus& corpus, LinkGraph* graph, const LeadSettings& settings,
                        CorrelateSummary* summary);

// Gives each lead with template members its template: an earlier lead of
// the same id and adverts lends its own, the rest are built.
Status AddTemplates(const Store& store, const Corpus& corpus,
                    const std::vector<LeadRecord>& previous, ScoredLeads* scored);

CorpusOptions CorpusOptionsFor(const LeadSettings& settings, bool rebuild);
TemplateBanding BandingFor(const LeadSettings& settings);

// What the kept incremental state was made with: "clean" and every lead
// setting (a changed setting can change any decision: the next run is
// full).
std::string IncrementalStateValue(const LeadSettings& settings);

// Each advert's signature as the template index keeps it.
std::vector<TemplateSignature> SignaturesOf(const Corpus& corpus);

Result<bool> StoreHasPhotos(const Store& store);

// Gives memory freed by a run back to the system (see the .cc).
void ReturnFreedMemory();

}  // namespace plainsight
