#include "store/sorted_meta_writer.h"

#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

namespace plainsight {
namespace {

class BatchedSortedMetaWriter final : public SortedMetaWriter {
 public:
  explicit BatchedSortedMetaWriter(Store& store) : store_(store) {}

  Status Put(std::string_view key, std::string_view value) override {
    if (any_ && key <= last_) {
      return Status::InvalidArgument("sorted meta writer: keys out of order");
    }
    any_ = true;
    last_.assign(key);
    batch_.emplace_back(std::string(key), std::string(value));
    return batch_.size() >= kBatch ? Flush() : Status::OK();
  }

  Status Finish() override { return Flush(); }

 private:
  static constexpr size_t kBatch = 20000;
  Status Flush() {
    if (batch_.empty()) return Status::OK();
    Status s = store_.PutMetas(batch_);
    batch_.clear();
    return s;
  }

  Store& store_;
  bool any_ = false;
  std::string last_;
  std::vector<std::pair<std::string, std::string>> batch_;
};

}  // namespace

std::unique_ptr<SortedMetaWriter> NewBatchedSortedMetaWriter(Store& store) {
  return std::make_unique<BatchedSortedMetaWriter>(store);
}

}  // namespace plainsight
