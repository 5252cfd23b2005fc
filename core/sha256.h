// SHA-256 of a byte string, as lower-case hex (OpenSSL's libcrypto does the
// work). Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace plainsight {

std::string Sha256Hex(std::string_view data);

}  // namespace plainsight
