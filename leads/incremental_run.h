// The incremental run (leads.incremental; docs/incremental_correlation.md
// step 8): correlation of only the units the change log's adverts touch,
// giving the leads the full run would give.
//
// It applies the change log to the kept link counts (link_counts.h) and
// template index (template_index.h), takes as seeds the changed adverts
// and every advert whose lead a moved count or re-tied cluster can change
// (ChangeSeeds in the .cc), closes them over whole units
// (unit_closure.h) and over the earlier leads they touch, groups and
// scores that corpus alone with the store's facts (StoredLinkFacts), and
// writes the leads as a patch (Store::PatchLeads). The kept state is
// marked "dirty" while it moves, so a run that stops part-way is followed
// by a full one.
//
// Not thread-safe: one correlation at a time per store (the CLI holds the
// store's lock).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/status.h"
#include "leads/correlate.h"
#include "store/store.h"

namespace plainsight {

// The run's summary, or nullopt with `why_full` set when this run must be
// full: nothing is kept or a run left it unfinished, the settings changed,
// the store has photos, a site's chrome is to be learnt anew, a site's own
// wording changed, or a quarter of the store changed.
Result<std::optional<CorrelateSummary>> CorrelateIncrementally(Store& store,
                                                               const LeadSettings& settings,
                                                               std::int64_t now,
                                                               std::string* why_full);

}  // namespace plainsight
