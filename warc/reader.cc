#include "warc/reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <limits>

#include "core/sha256.h"
#include "warc/gzip.h"
#include "warc/record.h"

namespace plainsight {
namespace {

// A location names a file inside the WARC directory, never one elsewhere.
bool StaysInside(const std::string& relative) {
  if (relative.empty() || relative.front() == '/') return false;
  size_t pos = 0;
  while (pos <= relative.size()) {
    size_t slash = relative.find('/', pos);
    if (slash == std::string::npos) slash = relative.size();
    if (relative.compare(pos, slash - pos, "..") == 0 && slash - pos == 2) return false;
    pos = slash + 1;
  }
  return true;
}

// Owns a read-only descriptor.
class ScopedFd {
 public:
  explicit ScopedFd(int fd) : fd_(fd) {}
  ~ScopedFd() {
    if (fd_ >= 0) ::close(fd_);
  }
  ScopedFd(const ScopedFd&) = delete;
  ScopedFd& operator=(const ScopedFd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Result<std::string> ReadAt(const std::string& path, std::uint64_t offset, std::uint64_t length) {
  if (length > std::numeric_limits<size_t>::max() / 2 ||
      offset > static_cast<std::uint64_t>(std::numeric_limits<off_t>::max())) {
    return Status::InvalidArgument(path + ": WARC location out of range");
  }
  ScopedFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    if (err == ENOENT) return Status::NotFound(msg);
    return Status::IoError(msg);
  }
  std::string bytes(static_cast<size_t>(length), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::pread(fd.get(), bytes.data() + done, bytes.size() - done,
                        static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(path + ": read failed: " + std::strerror(errno));
    if (n == 0) {
      return Status::Corruption(path + ": file ends inside the record at offset " +
                                std::to_string(offset));
    }
    done += static_cast<size_t>(n);
  }
  return bytes;
}

}  // namespace

Result<WarcReadBack> ReadWarcRecord(const std::string& warc_dir, const WarcLocation& location) {
  if (!StaysInside(location.file)) {
    return Status::InvalidArgument("WARC location names a file outside the WARC directory: " +
                                   location.file);
  }
  if (location.length == 0) return Status::InvalidArgument("WARC location has no length");
  std::string path = warc_dir + "/" + location.file;
  Result<std::string> member = ReadAt(path, location.offset, location.length);
  if (!member.ok()) return member.status();
  Result<std::string> record_bytes = GunzipMember(*member);
  if (!record_bytes.ok()) {
    return Status::Corruption(path + " at offset " + std::to_string(location.offset) + ": " +
                              record_bytes.status().message());
  }
  Result<ParsedWarcRecord> record = ParseWarcRecord(*record_bytes);
  if (!record.ok()) {
    return Status::Corruption(path + " at offset " + std::to_string(location.offset) + ": " +
                              record.status().message());
  }
  WarcReadBack back;
  back.warc_headers = std::move(record->warc_headers);
  std::string& block = record->block;
  if (FindWarcField(back.warc_headers, "Content-Type").rfind("application/http", 0) == 0) {
    size_t end = block.find("\r\n\r\n");
    if (end == std::string::npos) {
      return Status::Corruption(path + " at offset " + std::to_string(location.offset) +
                                ": HTTP headers do not end");
    }
    back.http_headers = block.substr(0, end + 4);
    back.payload = block.substr(end + 4);
  } else {
    back.payload = std::move(block);
  }
  back.payload_sha256 = Sha256Hex(back.payload);
  return back;
}

}  // namespace plainsight
