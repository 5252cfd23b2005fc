// ReviewJournal (store/review_journal.h): decisions queued while a run holds
// the store are applied exactly once, in order, whatever is interrupted.
// A real RocksDB in a temp dir; the handler here writes a meta record, as
// the lead and place handlers do (tests/leads/review_test.cc covers those).
#include "store/review_journal.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>
#include <thread>
#include <vector>

#include "store/journal_follower.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct JournalStore {
  JournalStore() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-journal-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    auto opened = Store::Open(dir + "/store", StoreOptions());
    REQUIRE(opened.ok());
    store = std::move(opened).value();
  }
  ~JournalStore() {
    store.reset();
    fs::remove_all(dir);
  }
  std::string dir;
  std::unique_ptr<Store> store;
};

// Records "note" under decision\x1f<entry id>, with the marker.
Status RecordNote(Store& store, const JournalEntry& entry,
                  const std::pair<std::string, std::string>& marker) {
  return store.PutMetas({{"decision\x1f" + entry.id, entry.decision}, marker});
}

const JournalHandlers kHandlers = {{"note", RecordNote}};

JournalEntry Note(const std::string& text) {
  return {"", "note", "{\"note\":\"" + text + "\"}"};
}

// Appends one note per text, in order; each gets an id.
void AppendNotes(const ReviewJournal& journal, std::initializer_list<const char*> texts) {
  for (const char* text : texts) {
    JournalEntry entry = Note(text);
    REQUIRE(journal.Append(&entry).ok());
    CHECK_FALSE(entry.id.empty());
  }
}

std::vector<std::string> Recorded(const Store& store) {
  std::vector<std::string> out;
  REQUIRE(store
              .ForEachMeta("decision\x1f",
                           [&](const std::string&, const std::string& value) {
                             out.push_back(value);
                             return true;
                           })
              .ok());
  return out;
}

JournalApplied ApplyNow(const ReviewJournal& journal, Store& store,
                        const JournalHandlers& handlers = kHandlers) {
  auto lock = journal.Acquire();
  REQUIRE(lock.ok());
  auto applied = journal.ApplyPending(*lock, store, handlers);
  REQUIRE(applied.ok());
  return *applied;
}

TEST_CASE("ReviewJournal_Appended_AppliedOnceInOrderAndEmptied") {
  JournalStore t;
  ReviewJournal journal(t.dir + "/store");
  AppendNotes(journal, {"first", "second", "third"});
  REQUIRE(journal.Entries()->size() == 3);
  const JournalApplied applied = ApplyNow(journal, *t.store);
  CHECK(applied.applied == 3);
  CHECK(applied.kept == 0);
  CHECK(Recorded(*t.store) ==
        std::vector<std::string>{"{\"note\":\"first\"}", "{\"note\":\"second\"}",
                                 "{\"note\":\"third\"}"});
  CHECK(journal.Entries()->empty());
  CHECK(fs::file_size(journal.path()) == 0);
  // Applying again finds nothing.
  CHECK(ApplyNow(journal, *t.store).applied == 0);
  CHECK(Recorded(*t.store).size() == 3);
}

TEST_CASE("ReviewJournal_File_IsOwnerOnly") {
  JournalStore t;
  ReviewJournal journal(t.dir + "/store");
  JournalEntry entry = Note("x");
  REQUIRE(journal.Append(&entry).ok());
  struct stat st {};
  REQUIRE(::stat(journal.path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("ReviewJournal_InterruptedAfterSomeApplied_EachStillAppliedExactlyOnce") {
  JournalStore t;
  ReviewJournal journal(t.dir + "/store");
  AppendNotes(journal, {"one", "two", "three"});
  // The store fails on the second entry (a full disk, a kill): the first is
  // applied with its marker, and the journal is not emptied.
  int calls = 0;
  const JournalHandlers failing = {
      {"note", [&](Store& store, const JournalEntry& entry,
                   const std::pair<std::string, std::string>& marker) {
         if (++calls == 2) return Status::IoError("disk full");
         return RecordNote(store, entry, marker);
       }}};
  const JournalApplied first = ApplyNow(journal, *t.store, failing);
  CHECK(first.applied == 2);
  CHECK(first.kept == 1);
  CHECK(first.first_error.find("disk full") != std::string::npos);
  CHECK(journal.Entries()->size() == 3);
  const JournalApplied second = ApplyNow(journal, *t.store);
  CHECK(second.already_applied == 2);
  CHECK(second.applied == 1);
  CHECK(Recorded(*t.store).size() == 3);
  CHECK(journal.Entries()->empty());
}

TEST_CASE("ReviewJournal_TornLastLine_DroppedAndTheRestApplied") {
  JournalStore t;
  ReviewJournal journal(t.dir + "/store");
  JournalEntry entry = Note("whole");
  REQUIRE(journal.Append(&entry).ok());
  {
    std::ofstream out(journal.path(), std::ios::app | std::ios::binary);
    out << "{\"id\":\"x\",\"kind\":\"note\",\"deci";  // killed mid-write
  }
  const JournalApplied applied = ApplyNow(journal, *t.store);
  CHECK(applied.applied == 1);
  CHECK(applied.torn == 1);
  CHECK(Recorded(*t.store) == std::vector<std::string>{"{\"note\":\"whole\"}"});
}

TEST_CASE("ReviewJournal_UnknownKind_KeptForANewerPlainsight") {
  JournalStore t;
  ReviewJournal journal(t.dir + "/store");
  JournalEntry odd{"", "future-kind", "{}"};
  JournalEntry note = Note("known");
  REQUIRE(journal.Append(&odd).ok());
  REQUIRE(journal.Append(&note).ok());
  const JournalApplied applied = ApplyNow(journal, *t.store);
  CHECK(applied.applied == 1);
  CHECK(applied.kept == 1);
  CHECK(journal.Entries()->size() == 2);
  CHECK(ApplyNow(journal, *t.store).already_applied == 1);
}

TEST_CASE("ReviewJournal_NotJson_RefusedAtAppend") {
  JournalStore t;
  JournalEntry bad{"", "note", "not json"};
  CHECK(ReviewJournal(t.dir + "/store").Append(&bad).IsInvalidArgument());
}

TEST_CASE("JournalFollower_ManyAppendersWhileItApplies_EveryDecisionRecordedOnce") {
  JournalStore t;
  ReviewJournal journal(t.dir + "/store");
  constexpr int kThreads = 4, kEach = 40;
  std::atomic<int> failed_appends{0};  // Catch2's REQUIRE is not for other threads
  {
    JournalFollower follower(journal, *t.store, kHandlers, std::chrono::milliseconds(5), nullptr);
    std::vector<std::thread> analysts;
    for (int a = 0; a < kThreads; ++a) {
      analysts.emplace_back([&journal, &failed_appends, a] {
        for (int i = 0; i < kEach; ++i) {
          JournalEntry entry = Note(std::to_string(a) + "-" + std::to_string(i));
          if (!journal.Append(&entry).ok()) ++failed_appends;
        }
      });
    }
    for (std::thread& analyst : analysts) analyst.join();
  }
  CHECK(failed_appends == 0);
  ApplyNow(journal, *t.store);  // what came after the follower's last pass
  std::vector<std::string> recorded = Recorded(*t.store);
  CHECK(recorded.size() == kThreads * kEach);
  std::sort(recorded.begin(), recorded.end());
  CHECK(std::adjacent_find(recorded.begin(), recorded.end()) == recorded.end());
  CHECK(journal.Entries()->empty());
}

}  // namespace
}  // namespace plainsight
