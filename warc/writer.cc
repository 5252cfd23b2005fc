#include "warc/writer.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <vector>

#include "core/clock.h"
#include "core/sha256.h"
#include "core/strings.h"
#include "warc/digest.h"
#include "warc/gzip.h"
#include "warc/http.h"
#include "warc/record.h"

namespace plainsight {
namespace {

// Past this many name clashes (files left by other writers in the same
// second) something is wrong with the directory; give up.
constexpr int kMaxNameAttempts = 1000;

bool IsSafePrefix(const std::string& prefix) {
  if (prefix.empty()) return false;
  for (char c : prefix) {
    if (!IsAsciiAlnum(c) && c != '.' && c != '_' && c != '-') return false;
  }
  return true;
}

std::string CompactUtc(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[32];
  std::strftime(buf, sizeof(buf), "%Y%m%dT%H%M%SZ", &utc);
  return buf;
}

Status CreateDirectory(const std::string& dir) {
  std::error_code ec;
  bool created = std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create directory: " + ec.message());
  // Evidence files are for the team only; an existing directory keeps the
  // mode its owner chose.
  if (created && ::chmod(dir.c_str(), 0700) != 0) {
    return Status::IoError(dir + ": chmod 0700 failed: " + std::strerror(errno));
  }
  return Status::OK();
}

std::string WarcinfoBlock(const std::string& software) {
  return "software: " + software +
         "\r\n"
         "format: WARC File Format 1.1\r\n"
         "conformsTo: "
         "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n";
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

// The two gzip members of one capture, response first.
struct CaptureMembers {
  std::string bytes;
  std::uint64_t response_length = 0;
  std::string payload_sha256;
  std::string response_id;
};

Result<CaptureMembers> BuildCaptureMembers(const WarcCapture& capture) {
  if (capture.target_uri.empty()) {
    return Status::InvalidArgument("WARC capture has no target URI");
  }
  if (!IsSafeWarcFieldValue(capture.target_uri) || !IsSafeWarcFieldValue(capture.ip_address)) {
    return Status::InvalidArgument("WARC capture field contains CR, LF or NUL: " +
                                   capture.target_uri.substr(0, 200));
  }
  StoredResponseHeaders http = HeadersForStoredPayload(
      capture.response_headers, capture.payload.size(), capture.content_decoded);
  std::string response_block = http.headers + capture.payload;
  std::string request_block =
      RequestHeadersForRecord(capture.request_headers, capture.target_uri);

  CaptureMembers members;
  members.response_id = NewWarcRecordId();
  members.payload_sha256 =
      capture.payload_sha256.empty() ? Sha256Hex(capture.payload) : capture.payload_sha256;
  std::string request_id = NewWarcRecordId();
  std::string date = FormatWarcDate(capture.fetched_unix_ms);

  std::vector<WarcField> response = {
      {"WARC-Type", "response"},
      {"WARC-Record-ID", members.response_id},
      {"WARC-Date", date},
      {"WARC-Target-URI", capture.target_uri},
  };
  if (!capture.ip_address.empty()) response.push_back({"WARC-IP-Address", capture.ip_address});
  response.push_back({"WARC-Concurrent-To", request_id});
  if (capture.truncated) response.push_back({"WARC-Truncated", "length"});
  response.push_back({"WARC-Block-Digest", WarcSha1Digest(response_block)});
  response.push_back({"WARC-Payload-Digest", WarcSha1Digest(capture.payload)});
  response.push_back({"WARC-Payload-SHA256", members.payload_sha256});
  if (!http.renamed.empty()) {
    response.push_back({"WARC-Plainsight-Renamed-Http-Fields", JoinNames(http.renamed)});
  }
  response.push_back({"Content-Type", "application/http;msgtype=response"});

  std::vector<WarcField> request = {
      {"WARC-Type", "request"},
      {"WARC-Record-ID", request_id},
      {"WARC-Date", date},
      {"WARC-Target-URI", capture.target_uri},
  };
  if (!capture.ip_address.empty()) request.push_back({"WARC-IP-Address", capture.ip_address});
  request.push_back({"WARC-Concurrent-To", members.response_id});
  request.push_back({"WARC-Block-Digest", WarcSha1Digest(request_block)});
  request.push_back({"Content-Type", "application/http;msgtype=request"});

  Result<std::string> response_member =
      GzipMember(SerializeWarcRecord(response, response_block));
  if (!response_member.ok()) return response_member.status();
  Result<std::string> request_member = GzipMember(SerializeWarcRecord(request, request_block));
  if (!request_member.ok()) return request_member.status();
  members.response_length = response_member->size();
  members.bytes = std::move(*response_member) + *request_member;
  return members;
}

}  // namespace

WarcWriter::WarcWriter(Options options)
    : options_(std::move(options)), pid_(static_cast<long>(::getpid())) {}

Result<std::unique_ptr<WarcWriter>> WarcWriter::Open(Options options) {
  if (options.dir.empty()) return Status::InvalidArgument("WARC directory is not set");
  if (!IsSafePrefix(options.prefix)) {
    return Status::InvalidArgument("WARC file prefix must match [A-Za-z0-9._-]+: " +
                                   options.prefix);
  }
  if (!IsSafeWarcFieldValue(options.software)) {
    return Status::InvalidArgument("WARC software name contains CR, LF or NUL");
  }
  if (options.max_file_bytes == 0) {
    return Status::InvalidArgument("WARC max_file_bytes must be > 0");
  }
  Status created = CreateDirectory(options.dir);
  if (!created.ok()) return created;
  std::unique_ptr<WarcWriter> writer(new WarcWriter(std::move(options)));
  std::lock_guard<std::mutex> lock(writer->mutex_);
  Status started = writer->StartNextFileLocked();
  if (!started.ok()) return started;
  return writer;
}

Status WarcWriter::StartNextFileLocked() {
  file_ = WarcFile();
  file_has_captures_ = false;
  std::int64_t now = SystemClock::Get().NowUnixSeconds();
  for (int attempt = 0; attempt < kMaxNameAttempts; ++attempt) {
    ++file_counter_;
    char counter[16];
    std::snprintf(counter, sizeof(counter), "%05d", file_counter_);
    std::string name = options_.prefix + "-" + CompactUtc(now) + "-" + counter + "-" +
                       std::to_string(pid_) + ".warc.gz";
    Result<WarcFile> file = WarcFile::CreateExclusive(options_.dir + "/" + name);
    if (file.status().IsBusy()) continue;  // taken: never append to another's file
    if (!file.ok()) return file.status();

    std::string block = WarcinfoBlock(options_.software);
    std::vector<WarcField> fields = {
        {"WARC-Type", "warcinfo"},
        {"WARC-Record-ID", NewWarcRecordId()},
        {"WARC-Date", FormatWarcDate(now * 1000)},
        {"WARC-Filename", name},
        {"WARC-Block-Digest", WarcSha1Digest(block)},
        {"Content-Type", "application/warc-fields"},
    };
    Result<std::string> member = GzipMember(SerializeWarcRecord(fields, block));
    if (!member.ok()) return member.status();
    Status written = file->Append(*member);
    if (!written.ok()) return written;
    file_ = std::move(*file);
    file_name_ = name;
    return Status::OK();
  }
  return Status::IoError(options_.dir + ": no free WARC file name after " +
                         std::to_string(kMaxNameAttempts) + " attempts");
}

Result<WarcLocation> WarcWriter::Append(const WarcCapture& capture) {
  // Build and compress outside the lock: it is the expensive part.
  Result<CaptureMembers> members = BuildCaptureMembers(capture);
  if (!members.ok()) return members.status();

  std::lock_guard<std::mutex> lock(mutex_);
  bool too_big = file_.size() + members->bytes.size() > options_.max_file_bytes;
  if (!file_.is_open() || file_.broken() || (too_big && file_has_captures_)) {
    Status started = StartNextFileLocked();
    if (!started.ok()) return started;
  }
  WarcLocation location;
  location.file = file_name_;
  location.offset = file_.size();
  location.length = members->response_length;
  location.payload_sha256 = members->payload_sha256;
  location.record_id = members->response_id;
  Status written = file_.Append(members->bytes);
  if (!written.ok()) return written;
  file_has_captures_ = true;
  if (options_.sync_each_capture) {
    Status synced = file_.Sync();
    if (!synced.ok()) return synced;
  }
  return location;
}

std::string WarcWriter::CurrentFile() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return file_name_;
}

}  // namespace plainsight
