// Helpers shared by the libFuzzer targets in this folder.
//
// FUZZ_CHECK states a property the code under test promises (a documented
// contract, not an implementation detail). When it fails the target prints
// the property and aborts, so libFuzzer records the input as a crash.
//
// SplitFirstLine lets one input carry two parameters readably: the seed
// corpus files are "parameter\nrest" so a person can write and read them.
//
// Header-only; each fuzzer is single-threaded (libFuzzer runs one input at a
// time), so nothing here needs locking.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <utility>

#define FUZZ_CHECK(condition, what)                                          \
  do {                                                                       \
    if (!(condition)) {                                                      \
      std::fprintf(stderr, "%s:%d: FUZZ_CHECK failed: %s\n  %s\n", __FILE__, \
                   __LINE__, #condition, what);                              \
      std::abort();                                                          \
    }                                                                        \
  } while (false)

namespace plainsight::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// {text before the first '\n', text after it}; with no '\n', {"", text}.
inline std::pair<std::string_view, std::string_view> SplitFirstLine(std::string_view text) {
  size_t newline = text.find('\n');
  if (newline == std::string_view::npos) return {std::string_view(), text};
  return {text.substr(0, newline), text.substr(newline + 1)};
}

}  // namespace plainsight::fuzz
