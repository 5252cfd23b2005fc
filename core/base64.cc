#include "core/base64.h"

#include <openssl/evp.h>

namespace plainsight {

std::string Base64Encode(std::string_view bytes) {
  // EVP_EncodeBlock takes an int length: encode in chunks a multiple of 3
  // bytes long so the pieces join without padding in between.
  constexpr std::size_t kChunk = 3u << 20;  // 3 MiB in, 4 MiB out
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
    const std::string_view piece = bytes.substr(at, kChunk);
    const std::size_t begin = out.size();
    out.resize(begin + (piece.size() + 2) / 3 * 4 + 1);  // + the NUL it writes
    const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data() + begin),
                                        reinterpret_cast<const unsigned char*>(piece.data()),
                                        static_cast<int>(piece.size()));
    out.resize(begin + static_cast<std::size_t>(written));
  }
  return out;
}

}  // namespace plainsight
