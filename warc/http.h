// The HTTP header blocks that go into WARC request and response records.
// Internal to the warc module. Pure functions, thread-safe.
//
// plainsight's fetcher (libcurl) hands over the body de-chunked and, because
// it asks for gzip/deflate/br, decoded. Stored verbatim next to such a body,
// "Transfer-Encoding: chunked" or "Content-Encoding: gzip" would make every
// WARC reader try to undo an encoding that is no longer there, and fail. So,
// as other crawlers that archive decoded bodies do, the writer keeps those
// fields under a renamed header (X-Plainsight-Orig-Transfer-Encoding: ...)
// and states the stored length; the WARC record names every renamed field.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

// Prefix for fields kept under another name; the value is untouched.
inline constexpr std::string_view kRenamedHeaderPrefix = "X-Plainsight-Orig-";

struct StoredResponseHeaders {
  std::string headers;               // CRLF lines, ends with "\r\n\r\n"
  std::vector<std::string> renamed;  // original names, e.g. "Content-Encoding"
};

// Rewrites a response header block to describe `payload_size` bytes stored
// as-is:
//   - Transfer-Encoding is always renamed (the body is stored de-chunked);
//   - Content-Encoding (other than "identity") is renamed when
//     `content_decoded`;
//   - Content-Length is renamed when it differs from `payload_size`
//     (decoded or truncated), and a correct Content-Length is added.
// Lines end in CRLF afterwards. When `headers` holds several blocks (libcurl
// reports each response of a redirect chain), only the last is kept: it
// belongs to the final URL, which is the record's target.
StoredResponseHeaders HeadersForStoredPayload(std::string_view headers, std::uint64_t payload_size,
                                              bool content_decoded);

// A request header block ending in "\r\n\r\n": `headers` with its line ends
// made CRLF, or, when empty, a minimal "GET <path> HTTP/1.1" with a Host
// field synthesised from `target_uri`.
std::string RequestHeadersForRecord(std::string_view headers, std::string_view target_uri);

}  // namespace plainsight
