// The gzip bomb hostile-board serves at /job/bomb: a small gzip member
// (about 0.5 MB; deflate cannot beat roughly 1000:1) that inflates to
// kGzipBombInflatedBytes of zero bytes. A client that inflates without a
// size cap runs out of memory; a careful one stops at its body limit.
//
// GzipBomb() builds the bytes on first use (a few milliseconds: one MiB is
// deflated and its output repeated) and caches them for the process;
// thread-safe. GunzipPrefix inflates only the
// first bytes, so tests can look inside without inflating it all.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"

namespace plainsight::farm {

inline constexpr std::size_t kGzipBombInflatedBytes = std::size_t{500} * 1024 * 1024;

const std::string& GzipBomb();

// Inflates a gzip stream until `max_bytes` of output (or its end).
Result<std::string> GunzipPrefix(std::string_view gzip, std::size_t max_bytes);

}  // namespace plainsight::farm
