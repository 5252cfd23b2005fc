// Correlate: turns stored adverts into ranked, explained leads.
//
// Pipeline (each step in its own file):
//   corpus.h       stream adverts into a compact view; MinHash signatures
//                  are cached per advert by body sha256 (incremental)
//   link_graph.h   strong identifiers (phone, e-mail, full address) link
//                  adverts; weak evidence (templates, postcodes,
//                  consecutive phones) scores inside groups and a risky
//                  template joins only what no strong link keeps apart;
//                  boilerplate and hubs do not link; no group exceeds
//                  leads.max_lead_adverts
//   lead_scorer.h  explained score per group (reasons sum to the score)
//   lead_ids.h     stable ids across runs (merges, splits, growth)
//   template_diff.h  the shared template and its slots, for the analyst
//
// What is incremental: by default only signatures (the costly part after
// decoding adverts) are reused between runs; grouping and scoring are
// recomputed from all stored adverts each run (linear, seconds at a
// million adverts). With leads.incremental on, a run recomputes only the
// units its change log touches (incremental_run.h), from counts and a
// template index the store keeps, and gives the same leads; it falls back
// to the full run when it must (CorrelateSummary::full_run_reason).
// Rebuild is always full and discards the signature cache too; lead ids,
// statuses and creation times are kept in both cases, because they record
// the analyst's work.
//
// Not thread-safe: run one Correlate at a time per store (the CLI holds the
// store's lock).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct CorrelateSummary {
  size_t adverts = 0;
  size_t leads = 0;
  size_t new_leads = 0;
  size_t updated_leads = 0;
  size_t split_leads = 0;          // leads split off an earlier lead
  size_t signatures_computed = 0;  // adverts (re)signed this run
  size_t signatures_reused = 0;    // signatures taken from the cache
  size_t template_links = 0;       // near-duplicate templates used as links
  // Adverts the store's change log named since the last correlation (new,
  // changed, re-extracted, removed, back, deleted), cleared once the leads
  // are written (leads/change_log.h).
  size_t changed_adverts = 0;
  // Whether this run was incremental (leads.incremental, and nothing
  // called for a full run), and how many adverts it recomputed.
  bool incremental = false;
  size_t recomputed_adverts = 0;
  // With leads.incremental, why this run was full ("no kept state", "a
  // site's chrome changed", …).
  std::string full_run_reason;
  std::vector<std::string> boilerplate;  // "site: phone +44…", contacts ignored as site chrome
  std::vector<std::string> hubs;         // contacts on too many adverts to link blindly
  // Wall-clock seconds per step ("load", "images", "link", "score", "ids",
  // "templates", "write"),
  // for benchmarks and slow-run diagnosis.
  std::vector<std::pair<std::string, double>> step_seconds;
};

struct CorrelateOptions {
  bool rebuild = false;  // re-sign every advert instead of reusing cached signatures
};

// Recomputes every lead from the stored adverts and replaces the stored
// leads, keeping ids, statuses and creation times of earlier leads.
Result<CorrelateSummary> Correlate(Store& store, const LeadSettings& settings, std::int64_t now);
Result<CorrelateSummary> Correlate(Store& store, const LeadSettings& settings, std::int64_t now,
                                   const CorrelateOptions& options);

// `correlate --rebuild`: Correlate with options.rebuild set.
Result<CorrelateSummary> CorrelateRebuild(Store& store, const LeadSettings& settings,
                                          std::int64_t now);

}  // namespace plainsight
