// Building and parsing the bytes of one WARC/1.1 record (ISO 28500:2017
// section 4): a version line, named fields, a blank line, the block, and the
// "\r\n\r\n" that ends every record. Internal to the warc module; the public
// API is warc/writer.h and warc/reader.h. Pure functions,
// thread-safe (NewWarcRecordId reads the kernel's random source).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace plainsight {

struct WarcField {
  std::string name;
  std::string value;
};

// "WARC/1.1\r\n" + "Name: value\r\n"... + "Content-Length: <block size>\r\n"
// + "\r\n" + block + "\r\n\r\n". Content-Length is always added here, so
// `fields` must not contain it.
std::string SerializeWarcRecord(const std::vector<WarcField>& fields, std::string_view block);

// A field value must not contain CR, LF or NUL: one would end the field early
// and let a crafted URL forge headers in an evidence file.
bool IsSafeWarcFieldValue(std::string_view value);

// "<urn:uuid:xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx>" (RFC 9562 version 4).
std::string NewWarcRecordId();

// UTC, ISO 8601 with milliseconds as WARC/1.1 allows:
// "2026-11-28T10:30:00.123Z".
std::string FormatWarcDate(std::int64_t unix_ms);

// One record split into its header section and block.
struct ParsedWarcRecord {
  std::string warc_headers;  // from "WARC/1.1\r\n" up to and including "\r\n\r\n"
  std::string block;         // exactly Content-Length bytes
};

// Parses the record at the start of `bytes`; trailing bytes are ignored.
Result<ParsedWarcRecord> ParseWarcRecord(std::string_view bytes);

// The value of the first field called `name` (case-insensitive) in a header
// section, or "" when there is none.
std::string FindWarcField(std::string_view headers, std::string_view name);

}  // namespace plainsight
