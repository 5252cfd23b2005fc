// SortedMetaWriter: writes many meta entries handed over in ascending key
// order, for the indexes a full run writes whole (the template index: tens
// of millions of keys at a million adverts). The RocksDB store writes them
// into a table file of its own and takes the file in at Finish (external
// file ingestion), skipping the memtable and the write-ahead log: several
// times faster than batches of puts. Other stores write batches.
//
// The entries are part of the store only after Finish returns OK, and then
// all at once for one file; a writer dropped before Finish leaves nothing.
// Entries put later win over the same keys already stored. One writer at a
// time per store; a writer is not thread-safe.
#pragma once

#include <memory>
#include <string_view>

#include "core/status.h"

namespace plainsight {

class Store;

class SortedMetaWriter {
 public:
  virtual ~SortedMetaWriter() = default;
  // InvalidArgument when `key` is not above the key put before it.
  virtual Status Put(std::string_view key, std::string_view value) = 0;
  // Makes every entry put part of the store.
  virtual Status Finish() = 0;
};

// Writes through Store::PutMetas, a batch at a time (each batch atomic,
// the whole not: callers mark their index unfinished first).
std::unique_ptr<SortedMetaWriter> NewBatchedSortedMetaWriter(Store& store);

}  // namespace plainsight
