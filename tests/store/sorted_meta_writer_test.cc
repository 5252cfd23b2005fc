// Store::NewSortedMetaWriter (store/sorted_meta_writer.h): entries put in
// ascending key order become part of the store at Finish, all at once,
// winning over what the keys held; out-of-order keys are refused; a writer
// dropped before Finish leaves nothing, in the store or its directory.
#include "store/sorted_meta_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
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

}  // namespace
}  // namespace plainsight
