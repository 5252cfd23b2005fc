// HTML's space-separated token lists (the class and rel attributes): tokens
// are the runs between ASCII whitespace, so "  a\tb " holds "a" and "b".
//
// Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/strings.h"

namespace plainsight {

// Whether `matches` accepts any token of `list`; stops at the first it does.
// Callers choose the comparison: class names match exactly, rel values
// ignore case.
template <typename Predicate>
bool AnyHtmlToken(std::string_view list, Predicate matches) {
  std::size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && IsAsciiSpace(list[i])) ++i;
    const std::size_t start = i;
    while (i < list.size() && !IsAsciiSpace(list[i])) ++i;
    if (i > start && matches(list.substr(start, i - start))) return true;
  }
  return false;
}

// Every token of `list`, in order.
inline std::vector<std::string> SplitHtmlTokens(std::string_view list) {
  std::vector<std::string> tokens;
  AnyHtmlToken(list, [&](std::string_view token) {
    tokens.emplace_back(token);
    return false;
  });
  return tokens;
}

}  // namespace plainsight
