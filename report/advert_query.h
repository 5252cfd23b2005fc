// Advert queries: what `plainsight query` finds. An analyst types a phone,
// e-mail, postcode or messaging handle in any spelling, and filters by
// site, indicator, text pattern and date; the query reads them into the
// forms the store keeps (E.164, lower case, "NN1 1AA", "telegram:@name"),
// looks the entities up in the store's index first (each narrows the set;
// filters combine with AND), and scans every advert only when no entity
// was given.
//
// Thread safety: pure reads of the store; the store is thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/advert.h"
#include "store/store.h"

namespace plainsight {

// As typed; empty fields do not filter.
struct AdvertQuery {
  std::string phone;      // any spelling of the numbering region
  std::string email;
  std::string postcode;   // any spacing or case
  std::string handle;     // SERVICE:NAME, e.g. "whatsapp:07700 900123", "Telegram:@Anna"
  std::string site;
  std::string indicator;  // an indicator id
  std::string text;       // an RE2 pattern over title and text
  std::int64_t since = 0;  // last seen at or after; 0: any time
};

// The stored form of a typed handle: "whatsapp:07700 900123" ->
// "whatsapp:+447700900123", "Telegram:@Anna_Rose" -> "telegram:@anna_rose",
// "snapchat:@anna" -> "snapchat:anna". InvalidArgument says what is wrong.
Result<std::string> NormalizeHandle(const std::string& typed, const std::string& region);

// The matching adverts in id order. InvalidArgument (naming the field) for
// a phone, postcode, handle or pattern that cannot be read; other errors
// are the store's.
Result<std::vector<AdvertRecord>> FindAdverts(const Store& store, const AdvertQuery& query,
                                              const std::string& region);

}  // namespace plainsight
