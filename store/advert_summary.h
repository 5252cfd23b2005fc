// AdvertSummary: what correlation needs of a stored advert, without its
// text, title or capture details. The store keeps one per advert in its
// "summaries" column family, written in the same batch as the advert, so a
// correlate run can stream a million of them without decoding any JSON.
//
// The binary layout ("Y2", then length-prefixed fields, see the .cc) is
// internal to the store; bump the magic when it changes (the store then
// rebuilds every summary once from the adverts).
// Plain values and free functions: safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/advert.h"

namespace plainsight {

struct AdvertSummary {
  std::string id;
  std::string site;
  std::string kind;
  std::string posted;  // as the page gives it
  std::string sha256;  // of the fetched body: identifies the content
  std::int64_t first_seen = 0;
  std::int64_t last_seen = 0;
  bool removed = false;
  std::int64_t removed_at = 0;
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  std::vector<std::string> handles;
  std::vector<std::string> postcodes;
  std::vector<std::string> addresses;
  std::vector<std::string> towns;
  std::vector<IndicatorRecord> indicators;
};

AdvertSummary SummarizeAdvert(const AdvertRecord& advert);

// The value stored under the advert's id (the id itself is the key).
std::string EncodeAdvertSummary(const AdvertRecord& advert);
// Decodes into `out`, reusing its strings' and vectors' storage (a scan
// decodes a million summaries into one object).
Status DecodeAdvertSummary(std::string_view id, std::string_view bytes, AdvertSummary* out);

}  // namespace plainsight
