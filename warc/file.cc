#include "warc/file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace plainsight {

WarcFile::~WarcFile() { Close(); }

WarcFile::WarcFile(WarcFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      size_(other.size_),
      broken_(other.broken_) {}

WarcFile& WarcFile::operator=(WarcFile&& other) noexcept {
  if (this != &other) {
    Close();
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    size_ = other.size_;
    broken_ = other.broken_;
  }
  return *this;
}

void WarcFile::Close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

Result<WarcFile> WarcFile::CreateExclusive(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    if (err == EEXIST) return Status::Busy(msg);
    return Status::IoError(msg);
  }
  return WarcFile(fd, path);
}

Status WarcFile::Append(std::string_view bytes) {
  if (fd_ < 0 || broken_) return Status::IoError(path_ + ": not open for writing");
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = n < 0 ? errno : EIO;
      // Undo the partial member so the next capture starts on a clean edge.
      if (::ftruncate(fd_, static_cast<off_t>(size_)) != 0 ||
          ::lseek(fd_, static_cast<off_t>(size_), SEEK_SET) < 0) {
        broken_ = true;
      }
      return Status::IoError(path_ + ": write failed: " + std::strerror(err));
    }
    written += static_cast<size_t>(n);
  }
  size_ += bytes.size();
  return Status::OK();
}

Status WarcFile::Sync() {
  if (fd_ < 0) return Status::IoError(path_ + ": not open");
  if (::fdatasync(fd_) != 0) {
    return Status::IoError(path_ + ": fdatasync failed: " + std::strerror(errno));
  }
  return Status::OK();
}

}  // namespace plainsight
