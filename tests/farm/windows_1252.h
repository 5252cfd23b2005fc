// Converts the farm's UTF-8 pages to windows-1252, for the site that serves
// that charset (so "£" goes out as the single byte 0xA3, as on old sites).
#pragma once

#include <string>
#include <string_view>

namespace plainsight::farm {

// Characters windows-1252 cannot hold become '?'.
std::string Utf8ToWindows1252(std::string_view utf8);

}  // namespace plainsight::farm
