// Reading one run of digits, as an advert wrote it, as a phone number of a
// numbering region: the rule phones.cc and handles.cc share, so a number
// after "WhatsApp" reads exactly as the same number anywhere else.
//
// A number written without '+' must show how it is dialled in the region:
// its trunk prefix ("07700 900123" in GB), its country code ("44 7700
// 900123"), or an international prefix ("00 44 …"; "011 44 …" in the North
// American plan, where national numbers are also written without the trunk
// "1"). Real numbers must be valid by libphonenumber's metadata; Ofcom's
// drama ranges (test data) need only be possible.
//
// Thread safety: both functions may be called from many threads at once;
// PhoneRegionFor keeps one entry per thread.
#pragma once

#include <optional>
#include <string>

namespace plainsight {

// How numbers are written in one region.
struct PhoneRegion {
  std::string region;   // "GB"
  std::string country;  // "44"; "0" when the region is unknown
  std::string trunk;    // "0"; empty where there is no trunk prefix
};

// The region's facts, looked up once per thread and region. The reference
// stays valid until the same thread asks for another region.
const PhoneRegion& PhoneRegionFor(const std::string& region);

// E.164 ("+447700900123") for `digits` (digits only), or nothing. `plus`:
// the advert wrote a '+' before them. "+44 (0)7700 …" drops the zero.
std::optional<std::string> DigitsToE164(const std::string& digits, bool plus,
                                        const PhoneRegion& region);

}  // namespace plainsight
