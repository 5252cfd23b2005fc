#include "leads/incremental_run.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "leads/change_log.h"
#include "leads/corpus.h"
#include "leads/correlate_steps.h"
#include "leads/lead_ids.h"
#include "leads/link_counts.h"
#include "leads/link_facts.h"
#include "leads/link_graph.h"
#include "leads/template_index.h"
#include "leads/unit_closure.h"
#include "store/meta_keys.h"

namespace plainsight {
namespace {

// The stored adverts, removed ones too, by the kept counts.
Result<std::int64_t> StoredAdverts(const Store& store) {
  std::int64_t stored = 0;
  Status s = store.ForEachMeta(meta_keys::kLinkSite, [&](const std::string&, const std::string& n) {
    stored += std::strtoll(n.c_str(), nullptr, 10);
    return true;
  });
  if (!s.ok()) return s;
  return stored;
}

// What the changes call for: the adverts whose units are recomputed, and
// the hub lines to rewrite in the leads outside them.
struct Seeds {
  std::set<std::string> adverts;
  // Entity -> its hub line before and after (a hub before and after whose
  // count moved: every lead showing it quotes the count, but nothing is
  // grouped or scored otherwise).
  std::map<std::string, std::pair<std::string, std::string>> hub_lines;
};

// Each site's total before the changes: the moved ones from the changes,
// the others as kept.
Result<SiteCounts> TotalsBefore(const Store& store, const LinkCountChanges& moved,
                                const SiteCounts& holders) {
  SiteCounts totals;
  for (const auto& [site, n] : holders) {
    if (const auto found = moved.sites.find(site); found != moved.sites.end()) {
      totals[site] = found->second.first;
      continue;
    }
    auto total = ReadSiteTotal(store, site);
    if (!total.ok()) return total.status();
    totals[site] = *total;
  }
  return totals;
}

// A template cluster is a site's layout by its share of the site, so a
// site's total moving can flip it with no member changed: the members of
// each cluster whose verdict the moved totals flip. Reads every cluster's
// ids (not every advert), and the sites of those big enough to be most of
// a moved site.
Status SeedClustersFlippedBySiteTotals(const Store& store, const LeadSettings& settings,
                                       const LinkCountChanges& moved,
                                       std::set<std::string>* seeds) {
  size_t smallest = std::numeric_limits<size_t>::max();
  for (const auto& [site, totals] : moved.sites) {
    if (totals.first == totals.second) continue;
    const double least =
        settings.boilerplate_share * static_cast<double>(std::min(totals.first, totals.second));
    smallest = std::min(smallest, std::max(static_cast<size_t>(settings.boilerplate_min_adverts),
                                           static_cast<size_t>(std::floor(least))));
  }
  if (smallest == std::numeric_limits<size_t>::max()) return Status::OK();
  auto clusters = ReadTemplateClusters(store);
  if (!clusters.ok()) return clusters.status();
  for (const std::vector<std::string>& members : *clusters) {
    if (members.size() < smallest) continue;
    SiteCounts per_site;
    for (const std::string& id : members) {
      auto advert = store.GetAdvertSummary(id);
      if (!advert.ok()) return advert.status();
      if (advert->has_value()) ++per_site[(*advert)->site];
    }
    auto before = TotalsBefore(store, moved, per_site);
    if (!before.ok()) return before.status();
    SiteCounts after;
    for (const auto& [site, n] : per_site) {
      auto total = ReadSiteTotal(store, site);
      if (!total.ok()) return total.status();
      after[site] = *total;
    }
    if (JudgeTemplate(per_site, *before, settings).hygiene !=
        JudgeTemplate(per_site, after, settings).hygiene) {
      seeds->insert(members.begin(), members.end());
    }
  }
  return Status::OK();
}

// The seeds: the changed adverts; every holder of an entity whose counts
// moved (the old units of what changed) unless it is a site's own before
// and after (which no lead shows) or a hub before and after (its line is
// rewritten instead), and of every entity whose decision flipped; the
// phones of each 1000-number block where a phone moved or flipped, unless
// the block holds too few or too many linking phones for pairs both before
// and after; and the members of every template cluster re-tied.
Result<Seeds> ChangeSeeds(const Store& store, const LeadSettings& settings,
                          const std::vector<std::string>& present, const LinkCountChanges& moved,
                          const std::vector<std::string>& flipped,
                          const TemplateIndexUpdate& retied) {
  KeptVerdicts verdicts(store, settings);
  Seeds out;
  std::set<std::string>& seeds = out.adverts;
  seeds.insert(present.begin(), present.end());
  const std::set<std::string> flipped_set(flipped.begin(), flipped.end());
  std::set<std::string> seed_entities(flipped_set);
  for (const auto& [entity, counts] : moved.entities) {
    auto after = verdicts.Entity(entity, counts.second);
    if (!after.ok()) return after.status();
    auto totals_before = TotalsBefore(store, moved, counts.first);
    if (!totals_before.ok()) return totals_before.status();
    const EntityVerdict before =
        JudgeEntity(entity, LinkKeyType(entity), counts.first, *totals_before, settings);
    if (flipped_set.count(entity) == 0 && before.hygiene == after->hygiene) {
      if (before.hygiene == Hygiene::kBoilerplate) continue;
      if (before.hygiene == Hygiene::kHub) {
        if (before.line != after->line) out.hub_lines[entity] = {before.line, after->line};
        continue;
      }
    }
    seed_entities.insert(entity);
  }
  // Phone blocks: keys of one length under one prefix ("phone +447700900").
  const std::string phone = std::string(EntityTypeName(EntityType::kPhone)) + " +";
  std::map<std::pair<std::string, size_t>, size_t> blocks;  // -> phones moved or flipped
  auto count_block = [&](const std::string& entity) {
    if (entity.rfind(phone, 0) == 0 && entity.size() >= phone.size() + 4) {
      ++blocks[{entity.substr(0, entity.size() - 3), entity.size()}];
    }
  };
  for (const auto& [entity, counts] : moved.entities) count_block(entity);
  for (const std::string& entity : flipped_set) {
    if (moved.entities.count(entity) == 0) count_block(entity);
  }
  std::vector<std::pair<std::string, size_t>> block_keys;
  for (const auto& entry : blocks) block_keys.push_back(entry.first);
  auto block_phones = verdicts.LinkingPhones(block_keys);
  if (!block_phones.ok()) return block_phones.status();
  size_t b = 0;
  for (const auto& entry : blocks) {
    const size_t changed = entry.second;
    const std::vector<std::string>& phones = (*block_phones)[b++];
    const size_t linking = phones.size();
    // Before the changes the block held between linking - changed and
    // linking + changed linking phones.
    const auto max_phones = static_cast<size_t>(settings.consecutive_block_max_phones);
    if (linking + changed < 2 || linking > max_phones + changed) continue;
    seed_entities.insert(phones.begin(), phones.end());
  }
  auto holders =
      LinkHolders(store, std::vector<std::string>(seed_entities.begin(), seed_entities.end()));
  if (!holders.ok()) return holders.status();
  for (const std::vector<std::string>& of_one : *holders)
    seeds.insert(of_one.begin(), of_one.end());
  for (const auto* clusters : {&retied.removed, &retied.added}) {
    for (const auto& cluster : *clusters) seeds.insert(cluster.begin(), cluster.end());
  }
  Status s = SeedClustersFlippedBySiteTotals(store, settings, moved, &seeds);
  if (!s.ok()) return s;
  return out;
}

// `lead` with each hub line `lines` names (before -> after) rewritten, its
// hubs and the reasons showing them (the last ones, one per hub, in the
// hubs' order: lead_scorer.cc) in order again. False when it shows none.
bool RewriteHubLines(const std::map<std::string, std::string>& lines, LeadRecord* lead) {
  bool rewritten = false;
  for (std::string& hub : lead->hubs) {
    if (const auto found = lines.find(hub); found != lines.end()) {
      hub = found->second;
      rewritten = true;
    }
  }
  if (!rewritten) return false;
  constexpr char kShown[] = "hub not used to link (shown for review): ";
  std::sort(lead->hubs.begin(), lead->hubs.end());
  const size_t n = lead->hubs.size();
  if (lead->reasons.size() < n) return true;
  const size_t first = lead->reasons.size() - n;
  for (size_t k = 0; k < n; ++k) lead->reasons[first + k] = kShown + lead->hubs[k];
  return true;
}

// Appends to `puts` every stored lead outside `inside` (the recomputed
// earlier leads) that shows a hub line `lines` rewrites, rewritten.
Status RewriteHubLinesOutside(
    const Store& store, const std::map<std::string, std::pair<std::string, std::string>>& lines,
    const std::vector<LeadRecord>& inside, std::vector<LeadRecord>* puts) {
  if (lines.empty()) return Status::OK();
  std::set<std::string> holders;
  std::map<std::string, std::string> after;  // line before -> after
  std::vector<std::string> entities;
  for (const auto& [entity, before_after] : lines) {
    entities.push_back(entity);
    after[before_after.first] = before_after.second;
  }
  auto held = LinkHolders(store, entities);
  if (!held.ok()) return held.status();
  for (const std::vector<std::string>& of_one : *held) holders.insert(of_one.begin(), of_one.end());
  std::set<std::string> recomputed;
  for (const LeadRecord& lead : inside) recomputed.insert(lead.id);
  auto lead_of = store.LeadIdsOfAdverts({holders.begin(), holders.end()});
  if (!lead_of.ok()) return lead_of.status();
  std::set<std::string> showing;
  for (std::string& id : *lead_of) {
    if (!id.empty() && recomputed.count(id) == 0) showing.insert(std::move(id));
  }
  for (const std::string& id : showing) {
    auto lead = store.GetLead(id);
    if (!lead.ok()) return lead.status();
    if (!lead->has_value()) {
      return Status::Corruption("the lead index names " + id + ", which is not stored");
    }
    if (RewriteHubLines(after, &**lead)) puts->push_back(std::move(**lead));
  }
  return Status::OK();
}

}  // namespace

Result<std::optional<CorrelateSummary>> CorrelateIncrementally(Store& store,
                                                               const LeadSettings& settings,
                                                               std::int64_t now,
                                                               std::string* why_full) {
  const auto full = [&](const char* why) {
    *why_full = why;
    return std::optional<CorrelateSummary>();
  };
  CorrelateSummary summary;
  StepTimer timer(&summary);
  auto state = store.GetMeta(meta_keys::kIncrementalState);
  if (!state.ok()) return state.status();
  if (!state->has_value()) return full("no kept state");
  if (**state == "dirty") return full("the last run did not finish");
  if (**state != IncrementalStateValue(settings)) return full("the lead settings changed");
  auto counts_ready = LinkCountsReady(store);
  if (!counts_ready.ok()) return counts_ready.status();
  const TemplateBanding banding = BandingFor(settings);
  auto index_ready = TemplateIndexReady(store, banding);
  if (!index_ready.ok()) return index_ready.status();
  if (!*counts_ready) return full("no kept link counts");
  if (!*index_ready) return full("no template index");
  auto lead_count = store.CountLeads();
  if (!lead_count.ok()) return lead_count.status();
  if (!lead_count->has_value()) return full("no lead index");
  auto photos = StoreHasPhotos(store);
  if (!photos.ok()) return photos.status();
  if (*photos) return full("the store has photos");

  Result<ChangeLog> changes = ReadChangeLog(store);
  if (!changes.ok()) return changes.status();
  const std::vector<std::string>& changed = changes->advert_ids;
  summary.changed_adverts = changed.size();
  auto stored = StoredAdverts(store);
  if (!stored.ok()) return stored.status();
  if (changed.size() > 1000 && changed.size() * 4 > static_cast<size_t>(*stored)) {
    return full("a quarter of the store changed");
  }

  // Each touched site's chrome must be the kept one (else the whole site
  // is signed anew: the full run).
  const CorpusOptions corpus_options = CorpusOptionsFor(settings, false);
  std::map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>> by_site;
  std::vector<std::string> present;
  std::set<std::string> gone;  // logged adverts no longer stored
  auto summaries = store.GetAdvertSummaries(changed);
  if (!summaries.ok()) return summaries.status();
  for (size_t i = 0; i < changed.size(); ++i) {
    const std::string& id = changed[i];
    if (const std::optional<AdvertSummary>& advert = (*summaries)[i]; advert.has_value()) {
      by_site[advert->site].first.push_back(id);
      present.push_back(id);
      continue;
    }
    gone.insert(id);
    auto site = CountedSiteOf(store, id);
    if (!site.ok()) return site.status();
    if (!site->empty()) by_site[*site].second.push_back(id);
  }
  summaries->clear();
  for (const auto& [site, ids] : by_site) {
    auto holds = ChromeHoldsAfter(store, corpus_options, site, ids.first, ids.second);
    if (!holds.ok()) return holds.status();
    if (!*holds) return full("a site's chrome changed");
  }

  // From here the kept state moves: a run that stops before the end
  // leaves it "dirty", and the next run is full.
  Status s = store.PutMeta(meta_keys::kIncrementalState, "dirty");
  if (!s.ok()) return s;
  timer.Done("chrome");
  auto moved = ApplyLinkCountChanges(store, changed);
  if (!moved.ok()) return moved.status();
  auto flipped_wordings = FlippedWordings(store, *moved, settings);
  if (!flipped_wordings.ok()) return flipped_wordings.status();
  if (!flipped_wordings->empty()) return full("a site's own wording changed");
  auto flipped = FlippedHygiene(store, *moved, settings);
  if (!flipped.ok()) return flipped.status();

  // The changed adverts signed (and cached), then the template index.
  timer.Done("counts");
  auto signed_changes = LoadCorpusOf(store, corpus_options, present);
  if (!signed_changes.ok()) return signed_changes.status();
  std::vector<TemplateSignature> signatures = SignaturesOf(*signed_changes);
  summary.signatures_computed = signed_changes->signatures_computed;
  for (const auto& [site, ids] : by_site) {
    for (const std::string& id : ids.second) signatures.push_back({id, {}});
  }
  *signed_changes = Corpus{};
  timer.Done("sign");
  auto retied = UpdateTemplateIndex(store, signatures, banding);
  if (!retied.ok()) return retied.status();
  timer.Done("template index");

  auto changed_seeds = ChangeSeeds(store, settings, present, *moved, *flipped, *retied);
  if (!changed_seeds.ok()) return changed_seeds.status();
  timer.Done("seeds");
  std::set<std::string>* seeds = &changed_seeds->adverts;

  // The closure, grown until every earlier lead it touches lies inside
  // it (a lead's adverts form one group, so they are in one unit). The
  // leads are found through the store's lead-of-advert index, asked only
  // of the adverts each round brings in (and of the deleted ones, whose
  // leads go: a lead of deleted adverts only is in no unit).
  UnitClosure closure(store, settings);
  std::vector<LeadRecord> previous;  // the earlier leads inside the closure
  std::set<std::string> previous_ids;
  std::vector<std::string> asked;  // ascending
  std::vector<std::string> ask(gone.begin(), gone.end());
  for (;;) {
    s = closure.Add({seeds->begin(), seeds->end()});
    if (!s.ok()) return s;
    seeds->clear();
    std::vector<std::string> inside = closure.Adverts();
    std::set_difference(inside.begin(), inside.end(), asked.begin(), asked.end(),
                        std::back_inserter(ask));
    if (ask.empty()) break;
    asked = std::move(inside);
    auto lead_of = store.LeadIdsOfAdverts(ask);
    if (!lead_of.ok()) return lead_of.status();
    std::map<std::string, std::string> found;  // lead -> an advert it was named for
    for (size_t i = 0; i < ask.size(); ++i) {
      std::string& id = (*lead_of)[i];
      if (!id.empty() && previous_ids.count(id) == 0) found.emplace(std::move(id), ask[i]);
    }
    ask.clear();
    std::vector<std::string> found_ids;
    for (const auto& entry : found) found_ids.push_back(entry.first);
    auto briefs = store.GetLeadBriefs(found_ids);
    if (!briefs.ok()) return briefs.status();
    for (std::optional<LeadRecord>& lead : *briefs) {
      // Corruption: the full run, which writes the index whole.
      const auto& named = found_ids[static_cast<size_t>(&lead - briefs->data())];
      const std::string& asked_for = found[named];
      if (!lead.has_value() || std::find(lead->advert_ids.begin(), lead->advert_ids.end(),
                                         asked_for) == lead->advert_ids.end()) {
        return Status::Corruption("the lead index names " + named + " for advert " + asked_for +
                                  ", which that lead does not list");
      }
      for (const std::string& id : lead->advert_ids) {
        if (!std::binary_search(asked.begin(), asked.end(), id)) seeds->insert(id);
      }
      previous_ids.insert(lead->id);
      previous.push_back(std::move(*lead));
    }
  }
  // In id order, as the full run reads them: the ids given depend on it.
  std::sort(previous.begin(), previous.end(),
            [](const LeadRecord& a, const LeadRecord& b) { return a.id < b.id; });
  timer.Done("closure");

  auto loaded = LoadCorpusOf(store, corpus_options, closure.Adverts());
  if (!loaded.ok()) return loaded.status();
  timer.Done("load");
  const Corpus& corpus = *loaded;
  summary.signatures_computed += corpus.signatures_computed;
  summary.signatures_reused = corpus.signatures_reused;
  stored = StoredAdverts(store);
  if (!stored.ok()) return stored.status();
  summary.adverts = static_cast<size_t>(*stored);
  auto facts = StoredLinkFacts(store, corpus, closure.clusters(), settings);
  if (!facts.ok()) return facts.status();
  LinkGraph graph = BuildLinkGraph(corpus, std::move(*facts), settings);
  timer.Done("link");
  ScoredLeads scored = ScoreGroups(corpus, &graph, settings, &summary);
  timer.Done("score");

  // Ids against the earlier leads of these units, every other stored id
  // kept out of reach.
  Status unread;
  const auto stored_elsewhere = [&](const std::string& id) {
    auto lead = store.GetLeadBriefs({id});
    if (!lead.ok()) unread = lead.status();
    return lead.ok() && (*lead)[0].has_value();
  };
  LeadIdStats ids = AssignLeadIds(previous, now, &scored.leads, stored_elsewhere);
  if (!unread.ok()) return unread;
  summary.new_leads = ids.new_leads;
  summary.updated_leads = ids.updated_leads;
  summary.split_leads = ids.split_leads;
  timer.Done("ids");
  // Templates read whole leads' earlier templates.
  std::vector<LeadRecord> previous_whole;
  for (const LeadRecord& old : previous) {
    auto lead = store.GetLead(old.id);
    if (!lead.ok()) return lead.status();
    if (lead->has_value()) previous_whole.push_back(std::move(**lead));
  }
  s = AddTemplates(store, corpus, previous_whole, &scored);
  if (!s.ok()) return s;
  timer.Done("templates");

  std::vector<LeadRecord> puts = std::move(scored.leads);
  const size_t recomputed_leads = puts.size();
  s = RewriteHubLinesOutside(store, changed_seeds->hub_lines, previous, &puts);
  if (!s.ok()) return s;
  timer.Done("hub lines");

  std::set<std::string> kept;
  for (const LeadRecord& lead : puts) kept.insert(lead.id);
  std::vector<std::string> deletes;
  for (const LeadRecord& old : previous) {
    if (kept.count(old.id) == 0) deletes.push_back(old.id);
  }
  summary.leads = **lead_count - previous.size() + recomputed_leads;
  s = store.PatchLeads(puts, deletes);
  if (!s.ok()) return s;
  s = ClearChangeLog(store, *changes);
  if (!s.ok()) return s;
  s = store.PutMeta(meta_keys::kIncrementalState, IncrementalStateValue(settings));
  if (!s.ok()) return s;
  summary.incremental = true;
  summary.recomputed_adverts = corpus.adverts.size();
  ReturnFreedMemory();
  timer.Done("write");
  return std::optional<CorrelateSummary>(std::move(summary));
}

}  // namespace plainsight
