// JSON encoding of stored records. Internal to the store module and the CLI's
// JSON output, which share one field layout (the contract's advert object).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "store/advert.h"

namespace plainsight {

std::string EncodeAdvert(const AdvertRecord& advert);
Status DecodeAdvert(const std::string& bytes, AdvertRecord* advert);
// Only the title and text of an encoded advert: a scan of the top-level
// object that builds no document (many times faster than DecodeAdvert).
Status DecodeAdvertText(std::string_view bytes, std::string* title, std::string* text);
std::string EncodeLead(const LeadRecord& lead);
Status DecodeLead(const std::string& bytes, LeadRecord* lead);
// Only what re-correlation carries over (see Store::ForEachLeadBrief); every
// other field is left at its default. A scan, like DecodeAdvertText.
Status DecodeLeadBrief(std::string_view bytes, LeadRecord* lead);

}  // namespace plainsight
