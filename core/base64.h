// Base64 (RFC 4648 section 4, with padding, no line breaks), for data: URIs
// (the report's inline thumbnails). OpenSSL's encoder, as core/sha256 uses
// OpenSSL's digest. Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace plainsight {

std::string Base64Encode(std::string_view bytes);

}  // namespace plainsight
