// Store::NewSortedMetaWriter (store/sorted_meta_writer.h): entries put in
// ascending key order become part of the store at Finish, all at once,
// winning over what the keys held; out-of-order keys are refused; a writer
// dropped before Finish leaves nothing, in the store or its directory.
#include "store/sorted_meta_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "store/store.h"
#include "tests/support/temp_dir.h"

namespace plainsight {
namespace {

std::map<std::string, std::string> MetaUnder(const Store& store, const std::string& prefix) {
  std::map<std::string, std::string> found;
  REQUIRE(store
              .ForEachMeta(prefix,
                           [&](const std::string& key, const std::string& value) {
                             found[key] = value;
                             return true;
                           })
              .ok());
  return found;
}

size_t FilesNamed(const std::string& dir, const std::string& stem) {
  size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(stem, 0) == 0) ++n;
  }
  return n;
}

// The RocksDB store's writer and the batched one every other store gets
// behave alike.
TEST_CASE("SortedMetaWriter_EntriesArriveAtFinishAndWinOverStoredValues") {
  testing::TempDir dir("plainsight-sorted-meta");
  auto opened = Store::Open(dir.path(), StoreOptions{});
  REQUIRE(opened.ok());
  Store& store = **opened;
  REQUIRE(store
              .PutMeta("t\x1f"
                       "b",
                       "old")
              .ok());
  REQUIRE(store
              .PutMeta("t\x1f"
                       "z",
                       "kept")
              .ok());
  const bool batched = GENERATE(false, true);
  std::unique_ptr<SortedMetaWriter> writer;
  if (batched) {
    writer = NewBatchedSortedMetaWriter(store);
  } else {
    auto made = store.NewSortedMetaWriter();
    REQUIRE(made.ok());
    writer = std::move(*made);
  }
  for (const char* key : {"t\x1f"
                          "a",
                          "t\x1f"
                          "b",
                          "t\x1f"
                          "c"}) {
    REQUIRE(writer->Put(key, std::string("new ") + key[2]).ok());
  }
  if (!batched) {
    // The RocksDB writer holds them in its own file until Finish.
    CHECK(MetaUnder(store, "t\x1f") == std::map<std::string, std::string>{{"t\x1f"
                                                                           "b",
                                                                           "old"},
                                                                          {"t\x1f"
                                                                           "z",
                                                                           "kept"}});
  }
  REQUIRE(writer->Finish().ok());
  CHECK(MetaUnder(store, "t\x1f") == std::map<std::string, std::string>{{"t\x1f"
                                                                         "a",
                                                                         "new a"},
                                                                        {"t\x1f"
                                                                         "b",
                                                                         "new b"},
                                                                        {"t\x1f"
                                                                         "c",
                                                                         "new c"},
                                                                        {"t\x1f"
                                                                         "z",
                                                                         "kept"}});
  CHECK(FilesNamed(dir.path(), "ingest-") == 0);
}

TEST_CASE("SortedMetaWriter_AKeyNotAboveTheLastIsRefused") {
  testing::TempDir dir("plainsight-sorted-meta");
  auto opened = Store::Open(dir.path(), StoreOptions{});
  REQUIRE(opened.ok());
  auto made = (*opened)->NewSortedMetaWriter();
  REQUIRE(made.ok());
  REQUIRE((*made)->Put("k2", "").ok());
  CHECK((*made)->Put("k2", "").IsInvalidArgument());
  CHECK((*made)->Put("k1", "").IsInvalidArgument());
  auto batched = NewBatchedSortedMetaWriter(**opened);
  REQUIRE(batched->Put("k2", "").ok());
  CHECK(batched->Put("k1", "").IsInvalidArgument());
}

TEST_CASE("SortedMetaWriter_NothingPutOrNoFinishLeavesNothing") {
  testing::TempDir dir("plainsight-sorted-meta");
  {
    auto opened = Store::Open(dir.path(), StoreOptions{});
    REQUIRE(opened.ok());
    auto empty = (*opened)->NewSortedMetaWriter();
    REQUIRE(empty.ok());
    CHECK((*empty)->Finish().ok());
    auto dropped = (*opened)->NewSortedMetaWriter();
    REQUIRE(dropped.ok());
    REQUIRE((*dropped)
                ->Put("d\x1f"
                      "1",
                      "x")
                .ok());
    dropped->reset();
    CHECK(MetaUnder(**opened, "d\x1f").empty());
    CHECK(FilesNamed(dir.path(), "ingest-") == 0);
  }
  // A file a killed run left is removed when the store is next opened.
  { std::ofstream(dir.path() + "/ingest-7.sst") << "partial"; }
  auto reopened = Store::Open(dir.path(), StoreOptions{});
  REQUIRE(reopened.ok());
  CHECK(FilesNamed(dir.path(), "ingest-") == 0);
}

std::set<std::string> TableFiles(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".sst") names.insert(entry.path().filename().string());
  }
  return names;
}

// ClearMetaPrefixes, which an index written anew calls first: every key
// under each prefix goes, whether in table files or still in memory, and
// nothing beside them; a table file wholly under a prefix is dropped whole
// and the files beside it stay as they were; what a writer ingests after
// it is kept, and a reopened store has the same.
TEST_CASE("ClearMetaPrefixes_DeletesEveryKeyUnderThePrefixesAndNothingBeside") {
  testing::TempDir dir("plainsight-clear-meta");
  const std::string a("p-a\x1f"), b("p-b\xff");
  const std::map<std::string, std::string> below = {{"p-", "1"}, {"p-a", "2"}, {"p-a\x1e", "3"}};
  const std::map<std::string, std::string> above = {{"p-c\x1f"
                                                     "1",
                                                     "4"},
                                                    {"p.", "5"},
                                                    {"q", "6"}};
  std::map<std::string, std::string> beside = below;
  beside.insert(above.begin(), above.end());
  {
    auto opened = Store::Open(dir.path(), StoreOptions{});
    REQUIRE(opened.ok());
    Store& store = **opened;
    // Four table files of their own, in the bottom level (nothing overlaps
    // them): below a, under a, under b, above b.
    std::map<std::string, std::string> under_a, under_b;
    for (int i = 1000; i < 3000; ++i) {
      under_a[a + std::to_string(i)] = "x";
      under_b[b + std::to_string(i)] = "y";
    }
    using Entries = std::map<std::string, std::string>;
    for (const Entries* entries : {&below, static_cast<const Entries*>(&under_a),
                                   static_cast<const Entries*>(&under_b), &above}) {
      auto made = store.NewSortedMetaWriter();
      REQUIRE(made.ok());
      for (const auto& [key, value] : *entries) REQUIRE((*made)->Put(key, value).ok());
      REQUIRE((*made)->Finish().ok());
    }
    const std::set<std::string> files = TableFiles(dir.path());
    REQUIRE(files.size() == 4);
    for (int i = 3000; i < 3100; ++i) REQUIRE(store.PutMeta(a + std::to_string(i), "x").ok());
    REQUIRE(store.ClearMetaPrefixes({a, b}).ok());
    CHECK(MetaUnder(store, a).empty());
    CHECK(MetaUnder(store, b).empty());
    CHECK(MetaUnder(store, "p") ==
          std::map<std::string, std::string>(beside.begin(), std::prev(beside.end())));
    std::set<std::string> still;
    for (const std::string& name : TableFiles(dir.path())) still.insert(name);
    size_t kept = 0;
    for (const std::string& name : files) kept += still.count(name);
    CHECK(kept == 2);  // the files beside, untouched
    auto made = store.NewSortedMetaWriter();
    REQUIRE(made.ok());
    REQUIRE((*made)->Put(a + "new", "z").ok());
    REQUIRE((*made)->Finish().ok());
    CHECK(MetaUnder(store, a) == std::map<std::string, std::string>{{a + "new", "z"}});
    CHECK(store.ClearMetaPrefixes({}).ok());
  }
  auto reopened = Store::Open(dir.path(), StoreOptions{});
  REQUIRE(reopened.ok());
  CHECK(MetaUnder(**reopened, a) == std::map<std::string, std::string>{{a + "new", "z"}});
  CHECK(MetaUnder(**reopened, b).empty());
  beside[a + "new"] = "z";
  CHECK(MetaUnder(**reopened, "p") ==
        std::map<std::string, std::string>(beside.begin(), std::prev(beside.end())));
  CHECK(MetaUnder(**reopened, "q") == std::map<std::string, std::string>{{"q", "6"}});
}

}  // namespace
}  // namespace plainsight
