// WarcWriter: keeps every fetched response as evidence in WARC/1.1 files
// (ISO 28500:2017), so an analyst can later produce the exact capture from a
// file name and offset, with its SHA-256.
//
// Layout: files "<prefix>-<UTC yyyymmddThhmmssZ>-<nnnnn>-<pid>.warc.gz" in
// Options::dir (created with mode 0700 if missing; files are 0600). Each Open
// starts a new file and never appends to an existing one. The first record of
// every file is a warcinfo record. Each capture becomes a response record and
// a request record that name each other with WARC-Concurrent-To; every record
// is its own gzip member, so a reader can seek straight to it and a torn last
// member (process killed mid-write) leaves earlier records readable. When a
// capture would push a file past max_file_bytes, the next file is started.
//
// The response record carries WARC-Block-Digest and WARC-Payload-Digest (the
// standard "sha1:<base32>") and WARC-Payload-SHA256: <hex>, the digest the
// rest of plainsight uses. HTTP header fields that no longer describe the
// stored body (Transfer-Encoding, a decoded Content-Encoding, a stale
// Content-Length) are kept renamed as X-Plainsight-Orig-<name> and listed in
// WARC-Plainsight-Renamed-Http-Fields; see warc/http.h.
//
// Thread safety: Append may be called from many threads at once; records are
// built and compressed in the calling thread and written under one mutex.
// Ownership: the writer owns its open file; destroying it closes the file.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "core/status.h"
#include "warc/file.h"

namespace plainsight {

// One HTTP exchange to keep.
struct WarcCapture {
  std::string target_uri;        // the URL fetched (after redirects: the final URL)
  std::string request_headers;   // "GET /path HTTP/1.1\r\nHost: ...\r\n\r\n"; "" = synthesise
  std::string response_headers;  // "HTTP/1.1 200 OK\r\n...\r\n\r\n" as received
  std::string payload;           // the response body as received
  std::int64_t fetched_unix_ms = 0;
  std::string ip_address;        // optional WARC-IP-Address
  bool truncated = false;        // body cut at max_body_bytes -> WARC-Truncated: length
  // The fetcher undid the Content-Encoding (libcurl with CURLOPT_ACCEPT_ENCODING
  // does, which is plainsight's fetcher); false when `payload` is still encoded.
  bool content_decoded = true;
  // The payload's SHA-256 (hex) when the caller has already computed it;
  // empty = computed here. Saves hashing every body twice.
  std::string payload_sha256;
};

// Where a capture's response record is, and what its payload hashed to.
struct WarcLocation {
  std::string file;             // relative to the WARC directory
  std::uint64_t offset = 0;     // of the response record's gzip member
  std::uint64_t length = 0;     // compressed length of that member
  std::string payload_sha256;   // hex
  std::string record_id;        // "<urn:uuid:...>"
};

class WarcWriter {
 public:
  struct Options {
    std::string dir;                          // created 0700 if missing
    std::uint64_t max_file_bytes = 1ull << 30;
    std::string prefix = "plainsight";        // [A-Za-z0-9._-]+
    std::string software = "plainsight/0.1";  // warcinfo "software"
    bool sync_each_capture = false;           // fdatasync after every Append
  };

  // Creates the directory if needed and starts the first file.
  static Result<std::unique_ptr<WarcWriter>> Open(Options options);

  WarcWriter(const WarcWriter&) = delete;
  WarcWriter& operator=(const WarcWriter&) = delete;
  ~WarcWriter() = default;

  // Writes the capture's response and request records and returns where the
  // response record is. The bytes are handed to the OS (and synced, if asked)
  // before this returns, so a killed process loses at most the capture being
  // written. Fails with InvalidArgument when target_uri is empty or a field
  // value contains CR/LF, with IoError when the file cannot be written.
  Result<WarcLocation> Append(const WarcCapture& capture);

  // The file now being written, relative to Options::dir.
  std::string CurrentFile() const;

 private:
  explicit WarcWriter(Options options);
  // Closes the current file and creates the next one with its warcinfo.
  Status StartNextFileLocked();  // requires mutex_

  const Options options_;
  const long pid_;

  mutable std::mutex mutex_;
  WarcFile file_;                   // guarded by mutex_
  std::string file_name_;           // guarded by mutex_
  int file_counter_ = 0;            // guarded by mutex_; last number used
  bool file_has_captures_ = false;  // guarded by mutex_
};

}  // namespace plainsight
