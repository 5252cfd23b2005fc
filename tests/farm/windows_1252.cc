#include "tests/farm/windows_1252.h"

#include <cstdint>

namespace plainsight::farm {

namespace {

// windows-1252 differs from ISO-8859-1 only in 0x80-0x9F; these are the
// punctuation marks from that block that text on the web actually uses.
char FromCodePoint(std::uint32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  switch (cp) {
    case 0x20AC: return '\x80';  // euro sign
    case 0x2026: return '\x85';  // ellipsis
    case 0x2018: return '\x91';
    case 0x2019: return '\x92';
    case 0x201C: return '\x93';
    case 0x201D: return '\x94';
    case 0x2022: return '\x95';  // bullet
    case 0x2013: return '\x96';  // en dash
    case 0x2014: return '\x97';  // em dash
    case 0x2122: return '\x99';  // trade mark
    default: return '?';
  }
}

}  // namespace

std::string Utf8ToWindows1252(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    std::size_t length = 1;
    std::uint32_t cp = lead;
    if (lead >= 0xF0) {
      length = 4;
      cp = lead & 0x07u;
    } else if (lead >= 0xE0) {
      length = 3;
      cp = lead & 0x0Fu;
    } else if (lead >= 0xC0) {
      length = 2;
      cp = lead & 0x1Fu;
    }
    if (i + length > utf8.size()) break;  // truncated sequence: drop it
    for (std::size_t k = 1; k < length; ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
    }
    out += FromCodePoint(cp);
    i += length;
  }
  return out;
}

}  // namespace plainsight::farm
