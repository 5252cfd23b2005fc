#include "store/review_journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "store/meta_keys.h"

namespace plainsight {
namespace {

// Unique across processes and threads without coordination: time, pid and
// a per-process counter.
std::string NewEntryId() {
  static std::atomic<unsigned> counter{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  char id[64];
  std::snprintf(id, sizeof id, "%016llx-%x-%x",
                static_cast<unsigned long long>(
                    std::chrono::duration_cast<std::chrono::nanoseconds>(now).count()),
                static_cast<unsigned>(::getpid()), counter.fetch_add(1));
  return id;
}

Status ReadAll(int fd, const std::string& path, std::string* out) {
  out->clear();
  if (::lseek(fd, 0, SEEK_SET) < 0) return Status::IoError(path + ": cannot seek");
  char buffer[8192];
  for (;;) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0) return Status::IoError(path + ": cannot read");
    if (got == 0) return Status::OK();
    out->append(buffer, static_cast<size_t>(got));
  }
}

// Complete lines only: a last line without its newline is torn.
std::vector<JournalEntry> ParseEntries(const std::string& text, int* torn, int* damaged) {
  std::vector<JournalEntry> entries;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      ++*torn;
      break;
    }
    const std::string line = text.substr(start, end - start);
    start = end + 1;
    if (line.empty()) continue;
    try {
      const nlohmann::json j = nlohmann::json::parse(line);
      entries.push_back({j.at("id").get<std::string>(), j.at("kind").get<std::string>(),
                         j.at("decision").dump()});
    } catch (const nlohmann::json::exception&) {
      ++*damaged;
    }
  }
  return entries;
}

}  // namespace

ReviewJournal::ReviewJournal(const std::string& store_dir)
    : path_(store_dir + "/reviews.journal") {}

ReviewJournal::Lock::Lock(Lock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

ReviewJournal::Lock& ReviewJournal::Lock::operator=(Lock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

ReviewJournal::Lock::~Lock() {
  if (fd_ >= 0) ::close(fd_);  // closing the descriptor releases the flock
}

Result<ReviewJournal::Lock> ReviewJournal::Acquire() const {
  // Analysts' notes are sensitive: owner-only, as the store is.
  const int fd = ::open(path_.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError(path_ + ": cannot open the review journal");
  Lock lock(fd);
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) return Status::IoError(path_ + ": cannot lock the review journal");
  }
  return lock;
}

Status ReviewJournal::Append(JournalEntry* entry) const {
  entry->id = NewEntryId();
  nlohmann::json decision;
  try {
    decision = nlohmann::json::parse(entry->decision);
  } catch (const nlohmann::json::exception&) {
    return Status::InvalidArgument("journal entry: the decision is not JSON");
  }
  const nlohmann::json line = {{"id", entry->id}, {"kind", entry->kind}, {"decision", decision}};
  const std::string bytes =
      line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  auto lock = Acquire();
  if (!lock.ok()) return lock.status();
  const ssize_t written = ::write(lock->fd_, bytes.data(), bytes.size());
  if (written != static_cast<ssize_t>(bytes.size()) || ::fdatasync(lock->fd_) != 0) {
    return Status::IoError(path_ + ": the decision was not written");
  }
  return Status::OK();
}

Result<JournalApplied> ReviewJournal::ApplyPending(const Lock& lock, Store& store,
                                                   const JournalHandlers& handlers) const {
  std::string text;
  Status s = ReadAll(lock.fd_, path_, &text);
  if (!s.ok()) return s;
  JournalApplied summary;
  if (text.empty()) return summary;
  int damaged = 0;
  const std::vector<JournalEntry> entries = ParseEntries(text, &summary.torn, &damaged);
  summary.kept = damaged;
  if (damaged > 0) summary.first_error = "a damaged line in " + path_;
  for (const JournalEntry& entry : entries) {
    const std::string marker = meta_keys::kJournalApplied + entry.id;
    auto seen = store.GetMeta(marker);
    if (!seen.ok()) return seen.status();
    if (seen->has_value()) {
      ++summary.already_applied;
      continue;
    }
    const auto handler = handlers.find(entry.kind);
    Status applied = handler == handlers.end()
                         ? Status::InvalidArgument("unknown journal entry kind '" + entry.kind + "'")
                         : handler->second(store, entry, {marker, ""});
    if (applied.ok()) {
      ++summary.applied;
    } else {
      if (summary.kept++ == 0) summary.first_error = entry.id + ": " + applied.ToString();
    }
  }
  // Emptied only when nothing is left to apply; kept entries stay with the
  // applied ones, which their markers skip next time.
  if (summary.kept == 0) {
    if (::ftruncate(lock.fd_, 0) != 0 || ::fdatasync(lock.fd_) != 0) {
      return Status::IoError(path_ + ": cannot empty the review journal");
    }
  }
  return summary;
}

Result<std::vector<JournalEntry>> ReviewJournal::Entries() const {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::vector<JournalEntry>();
    return Status::IoError(path_ + ": cannot open the review journal");
  }
  Lock lock(fd);
  std::string text;
  Status s = ReadAll(fd, path_, &text);
  if (!s.ok()) return s;
  int torn = 0, damaged = 0;
  return ParseEntries(text, &torn, &damaged);
}

}  // namespace plainsight
