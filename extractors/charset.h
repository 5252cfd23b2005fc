// Charset detection and conversion of fetched HTML bodies to UTF-8.
//
// The charset comes from, in order: the Content-Type header's charset=
// parameter, a byte order mark, a <meta charset> or <meta http-equiv
// content="...charset=..."> in the first 4 KiB, else UTF-8. Labels follow the
// WHATWG Encoding Standard where it matters: ISO-8859-1, Latin-1 and ASCII
// decode as windows-1252, as browsers do; a <meta> naming UTF-16 means UTF-8.
// windows-1252 is decoded by a table here; other charsets go through glibc
// iconv. Bytes that are invalid in the charset become U+FFFD, so the result
// is always valid UTF-8. An unknown charset name decodes as UTF-8.
//
// Pure functions: thread-safe, no shared state.
#pragma once

#include <string>
#include <string_view>

namespace plainsight {

// Converts `body` to valid UTF-8. If `charset` is non-null it receives the
// charset used, lower case ("utf-8", "windows-1252", "utf-16le", ...). A
// leading byte order mark is dropped.
std::string ToUtf8(std::string_view body, std::string_view content_type_header,
                   std::string* charset = nullptr);

// Replaces each invalid UTF-8 sequence in `text` with U+FFFD (one per maximal
// invalid subpart, as the Encoding Standard does).
std::string SanitizeUtf8(std::string_view text);
// Whether SanitizeUtf8 would leave `text` as it is, without copying it.
bool IsValidUtf8(std::string_view text);

}  // namespace plainsight
