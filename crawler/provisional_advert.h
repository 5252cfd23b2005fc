// Provisional adverts: pages extracted before their site's boilerplate
// profile had settled.
//
// Which blocks and contacts are a site's chrome is learnt as the site is
// crawled, so an advert parsed early in a run may still hold the site's own
// footer phone. Such an advert is stored as usual, and with it (in the same
// atomic write) a note holding the page as fetched. At the end of the run
// every noted advert is extracted again with everything the run learnt,
// and the note is deleted with the new content. The stored content so no
// longer depends on the order pages were fetched in, nor on where a killed
// run stopped: a resumed run settles the notes its predecessors left.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "extractors/advert_extractor.h"
#include "store/advert.h"

namespace plainsight {

// Meta keys of the notes: kProvisionalPrefix + advert id.
extern const char* const kProvisionalPrefix;  // meta_keys::kProvisional
std::string ProvisionalKey(std::string_view advert_id);

struct ProvisionalPage {
  std::string site;
  std::string content_type;
  std::string today;  // the run's date, which picks the minimum wage
  std::string body;   // as received
};

std::string EncodeProvisionalPage(const ProvisionalPage& page);
bool DecodeProvisionalPage(std::string_view bytes, ProvisionalPage* page);

// Moves what `x` extracted (title, text, location, posted date, contacts,
// places, indicators, pay) into `advert`, leaving its identity, capture and
// times alone.
void SetExtractedContent(AdvertExtraction x, AdvertRecord* advert);

}  // namespace plainsight
