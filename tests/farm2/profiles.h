// Adult directory profiles: the bland wording of independent advertisers
// (companionship, relaxing massage, elegant company, "Age 24", "£80 per
// hour") and the helper that turns a persona into an Advert. Ordinary
// profiles are independents, each with a phone of her own; their bios
// are put together from a shared phrase bank, so they overlap in wording
// the way real directory bios do without any two being copies.
#pragma once

#include <string>
#include <vector>

#include "tests/farm2/build_context.h"

namespace plainsight::farm2 {

const std::vector<std::string>& PersonaNames();

// "£80 per hour", "£120 for 90 minutes", ...
std::string AnyRate(Rng& rng);

// A first-person bio of two or three paragraphs for an independent.
std::vector<std::string> IndependentBio(Rng& rng, const std::string& name, int age,
                                        const std::string& town);

// A profile advert; `phone_display` is what the profile's phone field shows.
Advert Profile(int site, int day, const std::string& title, const std::string& name, int age,
               const std::string& town, const std::string& rate, const std::string& phone_display,
               const std::vector<std::string>& bio);

// "Mia, 22 - Nottingham", "Lovely Mia in Nottingham", ...
std::string ProfileTitle(Rng& rng, const std::string& name, int age, const std::string& town);

// Ordinary independents on both directories.
void AddOrdinaryProfiles(BuildContext& ctx);

}  // namespace plainsight::farm2
