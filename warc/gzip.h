// One gzip member per WARC record (the "record-at-time compression" of
// ISO 28500 annex D): a reader can seek to a member's offset and inflate it
// alone, and a torn member at the end of a file leaves earlier ones intact.
// Internal to the warc module. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace plainsight {

// Compresses `data` into one complete gzip member (RFC 1952).
Result<std::string> GzipMember(std::string_view data);

// Inflates the single gzip member that starts at `bytes[0]`. Fails with
// Corruption when the member is incomplete or its CRC-32/length trailer does
// not match; bytes after the member's end are ignored.
Result<std::string> GunzipMember(std::string_view bytes);

}  // namespace plainsight
