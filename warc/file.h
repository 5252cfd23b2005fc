// WarcFile: one WARC file being written, as an owned file descriptor.
// Internal to the warc module (used by WarcWriter).
//
// Created with O_EXCL, so a file another process (or another writer in this
// one) is writing is never appended to. Append() writes all of its bytes or,
// on failure, cuts the file back to where it was, so one failed capture never
// leaves a torn gzip member in front of later ones; if even that cut fails
// the file is marked broken and the writer moves to a new file.
//
// Not thread-safe: WarcWriter serialises calls under its mutex. Movable, not
// copyable; the destructor closes the descriptor.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace plainsight {

class WarcFile {
 public:
  WarcFile() = default;
  ~WarcFile();
  WarcFile(const WarcFile&) = delete;
  WarcFile& operator=(const WarcFile&) = delete;
  WarcFile(WarcFile&& other) noexcept;
  WarcFile& operator=(WarcFile&& other) noexcept;

  // Creates `path` (mode 0600). Fails with Busy when it already exists, with
  // IoError otherwise.
  static Result<WarcFile> CreateExclusive(const std::string& path);

  bool is_open() const { return fd_ >= 0; }
  bool broken() const { return broken_; }
  std::uint64_t size() const { return size_; }

  // Appends all of `bytes` (the data is with the OS when this returns).
  Status Append(std::string_view bytes);
  // fdatasync: the data is on disk when this returns.
  Status Sync();

 private:
  WarcFile(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  void Close();

  int fd_ = -1;
  std::string path_;
  std::uint64_t size_ = 0;
  bool broken_ = false;
};

}  // namespace plainsight
