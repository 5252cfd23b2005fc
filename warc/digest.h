// Digests in the forms WARC readers expect. Internal to the warc module.
//
// WARC-Block-Digest and WARC-Payload-Digest are conventionally "sha1:" plus
// the RFC 4648 base32 of the 20-byte SHA-1 (what Heritrix, wget and warcio
// write and check). plainsight also records SHA-256 in hex, the digest the
// rest of the project (and an evidence bundle) uses. All functions are pure
// and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace plainsight {

// RFC 4648 section 6: upper-case alphabet A-Z2-7, '=' padding to 8 chars.
std::string Base32Encode(std::string_view bytes);

// "sha1:" + Base32Encode(SHA-1(data)): 37 characters.
std::string WarcSha1Digest(std::string_view data);

}  // namespace plainsight
