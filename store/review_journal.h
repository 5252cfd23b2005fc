// ReviewJournal: analysts' decisions made while another process holds the
// store for writing (a scheduled run), kept beside the store in
// <store>/reviews.journal until the holder applies them.
//
// Why a journal: RocksDB admits one writer per directory and a run holds it
// for hours, while reads need no lock (a read-only open). A decision is
// small and rare, so it is appended to a plain file and the writer, which
// alone may touch the store, applies it: within seconds while a crawl runs
// (JournalFollower), at every writable open, and at the close of every
// writable command (so nothing queued while it finished is stranded).
//
// Format: one JSON object per line, {"id", "kind", "decision"}, where kind
// names the handler ("lead", "place") and decision is that handler's JSON.
// Exactly once: each entry is applied together with its marker (meta key
// meta_keys::kJournalApplied + id) in one atomic store write, and the file
// is emptied only after every entry is applied; a crash at any point leaves
// the entry either unapplied (applied next time) or marked (skipped).
//
// Thread safety: Append and ApplyPending may be called from any thread of
// any process; an exclusive flock on the journal file serialises them.
// Ownership: a ReviewJournal owns only its path; a Lock owns its file
// descriptor (move-only).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace plainsight {

struct JournalEntry {
  std::string id;        // unique, filled in by Append
  std::string kind;      // "lead", "place": picks the handler
  std::string decision;  // the handler's JSON
};

// Writes `entry`'s decision and `applied_marker` (a meta key and value) in
// one atomic store write. An error leaves the entry in the journal.
using JournalHandler = std::function<Status(
    Store& store, const JournalEntry& entry,
    const std::pair<std::string, std::string>& applied_marker)>;
using JournalHandlers = std::map<std::string, JournalHandler>;

struct JournalApplied {
  int applied = 0;
  int already_applied = 0;  // a marker was found: applied before a crash
  int kept = 0;             // unknown kind or a handler error: left for next time
  int torn = 0;             // a torn last line, dropped (see ApplyPending)
  std::string first_error;  // why the first kept entry was kept
};

class ReviewJournal {
 public:
  explicit ReviewJournal(const std::string& store_dir);

  // The exclusive flock on the journal, held while the object lives.
  class Lock {
   public:
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;
    Lock(Lock&& other) noexcept;
    Lock& operator=(Lock&& other) noexcept;
    ~Lock();

   private:
    friend class ReviewJournal;
    explicit Lock(int fd) : fd_(fd) {}
    int fd_ = -1;
  };

  // Blocks until no other process or thread holds the journal.
  Result<Lock> Acquire() const;

  // Appends `entry` (filling in its id) under the lock; on disk when OK.
  Status Append(JournalEntry* entry) const;

  // Applies, in order, every entry not yet applied through the handler of
  // its kind, then empties the journal if none was kept. A torn last line
  // (an appender killed mid-write, which was never told "queued") is
  // counted in `torn` and dropped.
  Result<JournalApplied> ApplyPending(const Lock& lock, Store& store,
                                      const JournalHandlers& handlers) const;

  // The entries on disk now, oldest first (for tests and `show`).
  Result<std::vector<JournalEntry>> Entries() const;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace plainsight
