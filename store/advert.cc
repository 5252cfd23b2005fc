#include "store/advert.h"

#include "core/sha256.h"

namespace plainsight {

std::string AdvertIdForUrl(const std::string& normalized_url) {
  return "A-" + Sha256Hex(normalized_url).substr(0, 16);
}

}  // namespace plainsight
