#include "cli/cli_common.h"

#include "core/clock.h"
#include "store/audit_log.h"

#include <filesystem>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace plainsight::cli {

GlobalOptions& Globals() {
  static GlobalOptions options;
  return options;
}

namespace {

// %* in a pattern: the message as the inside of a JSON string, so each log
// line stays one valid JSON object whatever the message holds.
class JsonEscapedMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    for (char c : std::string_view(msg.payload.data(), msg.payload.size())) {
      switch (c) {
        case '"': dest.append(std::string_view("\\\"")); break;
        case '\\': dest.append(std::string_view("\\\\")); break;
        case '\n': dest.append(std::string_view("\\n")); break;
        case '\r': dest.append(std::string_view("\\r")); break;
        case '\t': dest.append(std::string_view("\\t")); break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
            dest.append(std::string_view(buf));
          } else {
            dest.push_back(c);
          }
      }
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonEscapedMessage>();
  }
};

}  // namespace

void SetUpLogging(const GlobalOptions& options) {
  auto logger = spdlog::get("plainsight");
  if (!logger) logger = spdlog::stderr_color_mt("plainsight");
  if (options.log_format == "json") {
    auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
    formatter->add_flag<JsonEscapedMessage>('*').set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","message":"%*"})");
    logger->set_formatter(std::move(formatter));
  } else {
    logger->set_pattern("%Y-%m-%dT%H:%M:%S %^%l%$ %v");
  }
  spdlog::level::level_enum level = spdlog::level::info;
  if (options.verbosity >= 2) level = spdlog::level::trace;
  else if (options.verbosity == 1) level = spdlog::level::debug;
  else if (options.verbosity == -1) level = spdlog::level::warn;
  else if (options.verbosity <= -2) level = spdlog::level::err;
  logger->set_level(level);
  spdlog::set_default_logger(logger);
}

std::string ResolveConfigPath(const GlobalOptions& options) {
  if (!options.config_path.empty()) return options.config_path;
  if (const char* env = std::getenv("PLAINSIGHT_CONFIG"); env != nullptr && *env != '\0') return env;
  return "config/plainsight.toml";
}

Config LoadConfigOrThrow(const GlobalOptions& options) {
  auto config = LoadConfig(ResolveConfigPath(options));
  if (!config.ok()) throw CliError(kExitBadInput, config.status().ToString());
  if (!options.db.empty()) config->store.path = options.db;
  return std::move(config).value();
}

std::shared_ptr<const PatternSet> LoadPatternsOrThrow(const Config& config) {
  auto patterns = PatternSet::LoadFiles(config.pattern_paths);
  if (!patterns.ok()) throw CliError(kExitBadInput, patterns.status().ToString());
  return *patterns;
}

std::unique_ptr<Store> OpenStoreOrThrow(const Config& config, const GlobalOptions& options,
                                        bool read_only) {
  (void)options;
  StoreOptions store_options;
  store_options.read_only = read_only;
  auto store = Store::Open(config.store.path, store_options);
  if (!store.ok()) throw CliError(kExitStore, store.status().ToString());
  return std::move(store).value();
}

std::shared_ptr<const Gazetteer> LoadGazetteerOrNull(const Config& config) {
  if (!std::filesystem::exists(config.gazetteer_path)) return nullptr;
  auto loaded = Gazetteer::Load(config.gazetteer_path);
  if (!loaded.ok()) throw CliError(kExitBadInput, loaded.status().ToString());
  return *loaded;
}

std::optional<StoreCommand> TryBeginStoreCommand(StoreAccess access, NeedsPatterns needs_patterns) {
  GlobalOptions& options = Globals();
  SetUpLogging(options);
  StoreCommand command{LoadConfigOrThrow(options), nullptr, nullptr};
  if (needs_patterns == NeedsPatterns::kYes) command.patterns = LoadPatternsOrThrow(command.config);
  const bool writable = access == StoreAccess::kReadWrite;
  StoreOptions store_options;
  store_options.read_only = !writable;
  auto store = Store::Open(command.config.store.path, store_options);
  if (store.status().IsBusy()) return std::nullopt;
  if (!store.ok()) throw CliError(kExitStore, store.status().ToString());
  command.store = StoreHandle(std::move(store).value().release(),
                              StoreCloser{writable ? command.config.store.path : ""});
  if (writable) ApplyReviewJournal(command.config.store.path, *command.store);
  return command;
}

StoreCommand BeginStoreCommand(StoreAccess access, NeedsPatterns needs_patterns) {
  auto command = TryBeginStoreCommand(access, needs_patterns);
  if (!command) {
    // The message Store::Open gives for a held lock, kept word for word.
    throw CliError(kExitStore, "open store " + LoadConfigOrThrow(Globals()).store.path +
                                   ": the store is locked by another plainsight process");
  }
  return std::move(*command);
}

std::string CurrentUser(const std::string& analyst) {
  if (!analyst.empty()) return analyst;
  // Analysts work as the service user through sudo (docs/deploy.md): the
  // audit names the person, not the account.
  if (const char* sudo_user = std::getenv("SUDO_USER"); sudo_user != nullptr && *sudo_user != '\0') {
    return sudo_user;
  }
  if (const passwd* pw = ::getpwuid(::geteuid()); pw != nullptr && pw->pw_name != nullptr) {
    return pw->pw_name;
  }
  const char* user = std::getenv("USER");
  return user != nullptr ? user : "unknown";
}

void AuditOrThrow(const Config& config, const std::string& command, std::int64_t results,
                  const std::string& analyst) {
  AuditEntry entry{SystemClock::Get().NowUnixSeconds(), CurrentUser(analyst), command,
                   Globals().command_line, results};
  Status s = AuditLog(config.store.path).Append(entry);
  if (!s.ok()) throw CliError(kExitStore, s.ToString());
}

std::string ReadInput(const std::string& path) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
    return buffer.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CliError(kExitBadInput, path + ": cannot read file");
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace plainsight::cli
