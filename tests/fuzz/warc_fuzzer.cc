// WARC round trip (warc/writer.h, warc/reader.h).
// Input: first line = the target URI; then, if the rest starts with "HTTP/"
// and holds a "\r\n\r\n", the response headers up to and including it; the
// remaining bytes are the payload.
//
// Properties: Append either refuses the capture (InvalidArgument for CR/LF
// in a field) or writes it so that ReadWarcRecord gives back exactly the
// payload, with the same SHA-256 as Append reported and as core/sha256.h
// computes.
//
// The writer lives in one temporary directory made on first use; every few
// hundred captures the directory is emptied and a fresh writer opened so
// long runs do not fill the disk. The directory is removed at exit.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include "core/sha256.h"
#include "warc/reader.h"
#include "warc/writer.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

constexpr int kCapturesPerWriter = 256;
constexpr std::string_view kDefaultUri = "https://example.org/ad/1";
constexpr std::string_view kDefaultResponseHeaders =
    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n";

class FuzzWarcDir {
 public:
  FuzzWarcDir() {
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "plainsight-warc-fuzz-XXXXXX").string();
    if (ec || ::mkdtemp(pattern.data()) == nullptr) {
      std::perror("warc_fuzzer: mkdtemp");
      std::abort();
    }
    root_ = pattern;
  }
  ~FuzzWarcDir() {
    writer_.reset();
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  FuzzWarcDir(const FuzzWarcDir&) = delete;
  FuzzWarcDir& operator=(const FuzzWarcDir&) = delete;

  std::string warc_dir() const { return root_ + "/warc"; }

  plainsight::WarcWriter& Writer() {
    if (writer_ == nullptr || captures_ >= kCapturesPerWriter) {
      writer_.reset();
      std::error_code ec;
      std::filesystem::remove_all(warc_dir(), ec);
      plainsight::WarcWriter::Options options;
      options.dir = warc_dir();
      options.max_file_bytes = 1 << 20;  // also exercises rolling to a new file
      auto opened = plainsight::WarcWriter::Open(options);
      if (!opened.ok()) {
        std::fprintf(stderr, "warc_fuzzer: %s\n", opened.status().ToString().c_str());
        std::abort();
      }
      writer_ = std::move(opened).value();
      captures_ = 0;
    }
    ++captures_;
    return *writer_;
  }

 private:
  std::string root_;
  std::unique_ptr<plainsight::WarcWriter> writer_;
  int captures_ = 0;
};

FuzzWarcDir& SharedDir() {
  static FuzzWarcDir dir;  // destroyed at exit, removing the directory
  return dir;
}

plainsight::WarcCapture CaptureFrom(std::string_view input) {
  auto [uri, rest] = plainsight::fuzz::SplitFirstLine(input);
  plainsight::WarcCapture capture;
  capture.target_uri = std::string(uri.empty() ? kDefaultUri : uri);
  capture.response_headers = std::string(kDefaultResponseHeaders);
  size_t headers_end = rest.find("\r\n\r\n");
  if (rest.starts_with("HTTP/") && headers_end != std::string_view::npos) {
    capture.response_headers = std::string(rest.substr(0, headers_end + 4));
    rest.remove_prefix(headers_end + 4);
  }
  capture.payload = std::string(rest);
  capture.fetched_unix_ms = 1795861800123;  // 2026-11-28T10:30:00.123Z
  capture.ip_address = "127.0.0.1";
  return capture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  plainsight::WarcCapture capture = CaptureFrom(plainsight::fuzz::AsText(data, size));
  FuzzWarcDir& dir = SharedDir();
  auto location = dir.Writer().Append(capture);
  if (!location.ok()) {
    FUZZ_CHECK(location.status().IsInvalidArgument(),
               "Append may only refuse a capture as InvalidArgument here");
    return 0;
  }
  const std::string expected_sha256 = plainsight::Sha256Hex(capture.payload);
  FUZZ_CHECK(location->payload_sha256 == expected_sha256, "Append must report the payload's SHA-256");

  auto back = plainsight::ReadWarcRecord(dir.warc_dir(), *location);
  if (!back.ok()) {
    std::fprintf(stderr, "warc_fuzzer: %s\n", back.status().ToString().c_str());
  }
  FUZZ_CHECK(back.ok(), "a record just appended must read back");
  FUZZ_CHECK(back->payload == capture.payload, "payload must round-trip byte for byte");
  FUZZ_CHECK(back->payload_sha256 == expected_sha256, "read-back SHA-256 must match");
  return 0;
}
