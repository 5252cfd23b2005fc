// What every subcommand shares: global options, loading config/patterns,
// opening the store, and CliError, the one exception this program throws.
// Exceptions stop here, at the CLI edge: main() turns a CliError into one
// line on stderr and its exit code.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "cli/review_journal_wiring.h"
#include "core/config.h"
#include "extractors/gazetteer.h"
#include "patterns/pattern_set.h"
#include "store/store.h"

namespace plainsight::cli {

// Exit codes (README, "Exit codes").
enum ExitCode { kExitOk = 0, kExitBadInput = 1, kExitStore = 2, kExitSitesFailed = 3 };

struct CliError : std::runtime_error {
  CliError(int exit_code, const std::string& message)
      : std::runtime_error(message), code(exit_code) {}
  int code;
};

struct GlobalOptions {
  std::string config_path;  // empty: $PLAINSIGHT_CONFIG, else config/plainsight.toml
  std::string db;           // overrides store.path
  int verbosity = 0;        // -v: +1, -q: -1
  std::string log_format = "text";
  int exit_code = kExitOk;  // set by a command that finished with a warning status (3)
  std::string command_line;  // argv joined, for the audit log
};

GlobalOptions& Globals();

// Sets up spdlog on stderr from -v/-q/--log-format. Every command calls it
// first; calling it again is harmless.
void SetUpLogging(const GlobalOptions& options);

std::string ResolveConfigPath(const GlobalOptions& options);
Config LoadConfigOrThrow(const GlobalOptions& options);
std::shared_ptr<const PatternSet> LoadPatternsOrThrow(const Config& config);
std::unique_ptr<Store> OpenStoreOrThrow(const Config& config, const GlobalOptions& options,
                                        bool read_only);

// How a command that uses the store starts: logging set up, the config
// loaded, the pattern packs too when asked (before the store, so a bad pack
// fails without touching it), then the store opened.
enum class StoreAccess { kReadOnly, kReadWrite };
enum class NeedsPatterns { kNo, kYes };
// A writable open applies the review journal first (decisions queued
// during the last run), and closing it applies the journal again
// (cli/review_journal_wiring.h).
struct StoreCommand {
  Config config;
  std::shared_ptr<const PatternSet> patterns;  // null unless asked for
  StoreHandle store;
};
StoreCommand BeginStoreCommand(StoreAccess access, NeedsPatterns needs_patterns = NeedsPatterns::kNo);
// The same, but empty instead of exit 2 when another process holds the
// store for writing (a run): how `review` decides to queue its decision.
std::optional<StoreCommand> TryBeginStoreCommand(StoreAccess access,
                                                 NeedsPatterns needs_patterns = NeedsPatterns::kNo);

// The config's gazetteer, or null when its file does not exist (exit 1
// when it exists and is malformed).
std::shared_ptr<const Gazetteer> LoadGazetteerOrNull(const Config& config);

// The analyst behind this process: --analyst if given, else the OS user.
std::string CurrentUser(const std::string& analyst = "");

// Records an analyst action in the store's audit log before its result is
// shown; an action that cannot be recorded does not go ahead (exit 2).
void AuditOrThrow(const Config& config, const std::string& command, std::int64_t results,
                  const std::string& analyst = "");

// Reads a file or "-" for stdin.
std::string ReadInput(const std::string& path);

}  // namespace plainsight::cli
