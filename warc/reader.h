// Reading one capture back from the WARC files WarcWriter made, for `show`
// and `export --evidence`: the response record at a WarcLocation is inflated
// on its own (it is one gzip member) and split into its parts, and the
// payload's SHA-256 is recomputed so the caller can compare it with the one
// stored at capture time.
//
// Thread safety: ReadWarcRecord is safe to call from any thread, also while a
// WarcWriter appends to the same file (written records never change).
#pragma once

#include <string>

#include "core/status.h"
#include "warc/writer.h"

namespace plainsight {

struct WarcReadBack {
  std::string warc_headers;    // "WARC/1.1\r\n...\r\n\r\n"
  std::string http_headers;    // status line and fields, ending "\r\n\r\n"
  std::string payload;         // the body as stored
  std::string payload_sha256;  // recomputed from `payload`, hex
};

// Fails with InvalidArgument when location.file leaves `warc_dir` (absolute,
// or a ".." part) or location.length is 0, NotFound when the file is missing,
// and Corruption when the bytes there are not one intact gzip member holding
// a WARC record (the gzip CRC-32 is checked).
Result<WarcReadBack> ReadWarcRecord(const std::string& warc_dir, const WarcLocation& location);

}  // namespace plainsight
