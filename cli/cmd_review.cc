// `review` (an analyst's decision on a lead) and `audit` (who did what).
#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/lead_table.h"
#include "cli/place_view.h"
#include "core/clock.h"
#include "leads/review.h"
#include "places/place_review.h"
#include "store/audit_log.h"
#include "store/review_journal.h"

namespace plainsight::cli {

namespace {

std::string id, status, note, analyst;  // review's options

// A run holds the store: the decision is checked against what the analyst
// sees (a read-only view), audited, and queued in the review journal,
// which the run applies within seconds. If the run ended meanwhile, the
// writable open that follows applies it at once.
void QueueReview(std::int64_t now) {
  std::string previous;
  JournalEntry entry;
  {
    auto [config, patterns, store] = BeginStoreCommand(StoreAccess::kReadOnly);
    if (id.rfind("P-", 0) == 0) {
      PlaceRecord place = FindPlaceOrThrow(config, *store, id);
      auto queued = PlaceReviewJournalEntry(place, {id, status, note, CurrentUser(analyst), now, "", 0});
      if (!queued.ok()) throw CliError(kExitBadInput, queued.status().message());
      entry = std::move(queued).value();
      previous = place.status;
    } else {
      auto lead = store->GetLead(id);
      if (!lead.ok()) throw CliError(kExitStore, lead.status().ToString());
      if (!lead->has_value()) throw CliError(kExitBadInput, "no lead " + id);
      previous = (*lead)->status;
      auto queued = LeadReviewJournalEntry({id, status, note, CurrentUser(analyst), now, previous});
      if (!queued.ok()) throw CliError(kExitBadInput, queued.status().message());
      entry = std::move(queued).value();
    }
    AuditOrThrow(config, "review", 1, analyst);
    Status queued = ReviewJournal(config.store.path).Append(&entry);
    if (!queued.ok()) throw CliError(kExitStore, queued.ToString());
  }
  std::cout << id << ": " << previous << " -> " << status << " by " << CurrentUser(analyst) << "\n";
  if (TryBeginStoreCommand(StoreAccess::kReadWrite)) return;  // applied on opening
  std::cerr << "queued: a run holds the store and applies this decision within seconds "
               "(plainsight show " << id << " confirms)\n";
}

}  // namespace

void RegisterReview(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("review", "Record an analyst's decision on a lead (L-…) or a place (P-…)");
  cmd->footer(
      "Examples:\n  plainsight review L-3f2a9c0d11aa --status escalated --note \"passed to MSHT team\"\n"
      "  plainsight review P-0c1d2e3f4a5b --status visited --note \"safeguarding visit 3 Dec, 4 workers spoken to\"");
  cmd->add_option("ID", id, "lead or place id")->required();
  cmd->add_option("--status", status, "the decision: a lead is reviewed, escalated or dismissed; a place is visited, no-concern or referred")
      ->required()
      ->check(CLI::IsMember({"reviewed", "escalated", "dismissed", "visited", "no-concern", "referred"}));
  cmd->add_option("--note", note, "why (kept with the decision and in the audit log)")->required();
  cmd->add_option("--analyst", analyst, "who decided (default: the sudo user, else the OS user)");
  cmd->callback([] {
    const std::int64_t now = SystemClock::Get().NowUnixSeconds();
    auto writable = TryBeginStoreCommand(StoreAccess::kReadWrite);
    if (!writable) {
      QueueReview(now);
      return;
    }
    auto& [config, patterns, store] = *writable;
    if (id.rfind("P-", 0) == 0) {
      PlaceRecord place = FindPlaceOrThrow(config, *store, id);
      AuditOrThrow(config, "review", 1, analyst);
      auto recorded = RecordPlaceReview(*store, place, {id, status, note, CurrentUser(analyst), now, "", 0});
      if (recorded.status().IsInvalidArgument()) throw CliError(kExitBadInput, recorded.status().message());
      if (!recorded.ok()) throw CliError(kExitStore, recorded.status().ToString());
      std::cout << id << ": " << recorded->previous_status << " -> " << recorded->status << " by "
                << recorded->analyst << "\n";
      return;
    }
    // Audited before the write (a decision is never recorded unaudited), and
    // only for a lead that exists.
    auto lead = store->GetLead(id);
    if (!lead.ok()) throw CliError(kExitStore, lead.status().ToString());
    if (!lead->has_value()) throw CliError(kExitBadInput, "no lead " + id);
    AuditOrThrow(config, "review", 1, analyst);
    ReviewDecision decision{id, status, note, CurrentUser(analyst), now, ""};
    auto recorded = RecordReview(*store, std::move(decision));
    if (recorded.status().IsNotFound() || recorded.status().IsInvalidArgument()) {
      throw CliError(kExitBadInput, recorded.status().message());
    }
    if (!recorded.ok()) throw CliError(kExitStore, recorded.status().ToString());
    std::cout << id << ": " << recorded->previous_status << " -> " << recorded->status << " by "
              << recorded->analyst << "\n";
  });
}

void RegisterAudit(CLI::App& app) {
  static std::string since;
  static std::string format = "table";
  CLI::App* cmd = app.add_subcommand("audit", "Print the audit log of analyst actions");
  cmd->footer("Example:\n  plainsight audit --since 7d");
  cmd->add_option("--since", since, "only entries at or after (ISO 8601, or 24h / 7d)");
  cmd->add_option("--format", format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    Config config = LoadConfigOrThrow(g);
    std::int64_t from = 0;
    if (!since.empty() && !ParseTimeSpec(since, SystemClock::Get().NowUnixSeconds(), &from)) {
      throw CliError(kExitBadInput, "--since: not a date, time or age: " + since);
    }
    nlohmann::json entries = nlohmann::json::array();
    Status s = AuditLog(config.store.path).ForEach(from, [&](const AuditEntry& e) {
      if (format == "json") {
        entries.push_back({{"at", FormatIso8601(e.at)}, {"user", e.user}, {"command", e.command},
                           {"arguments", e.arguments}, {"results", e.results}});
      } else {
        std::cout << FormatIso8601(e.at) << "  " << Fit(e.user, 12) << " " << Fit(e.command, 8)
                  << " " << Fit(std::to_string(e.results), 6) << " " << Fit(e.arguments, 50)
                  << "\n";
      }
      return true;
    });
    if (!s.ok()) throw CliError(kExitStore, s.ToString());
    if (format == "json") std::cout << nlohmann::json{{"audit", entries}}.dump(2) << "\n";
  });
}

}  // namespace plainsight::cli
