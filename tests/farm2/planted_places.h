// Planted places for `plainsight places`: addresses, postcodes and pick-up
// points that adverts name, some of concern and some decoys (truth.h,
// TruthPlace). Each generator adds ordinary-looking adverts through the
// farm's usual employers, agencies, job writer and profiles, so the new
// adverts read like the rest of each site.
//   AddSharedHousing     three houses, each named as workers' accommodation
//                        by 4-5 job adverts of different employers and
//                        agencies (own phones, own wording), with rent
//                        deducted from pay, "live on site", "house shared
//                        with other workers"; one risky group per house
//   AddDualUseAddress    one street and postcode given as accommodation by
//                        three job adverts and as the incall location of
//                        three adult profiles (own phones and names); one
//                        risky group
//   AddPickUpPoints      Kettering bus station (4 adverts) and the Tesco car
//                        park in Corby (3 adverts): early transport from a
//                        landmark, different agencies; ordinary adverts (no
//                        shared phone, e-mail or address; fair pay, the
//                        pick-up their only sign)
//   AddPlaceDecoys       an ordinary employer's own premises in 6 fair-pay
//                        adverts; a business park named by 7 adverts of
//                        different employers (units and the park alone); a
//                        Jobcentre Plus address in 4 adverts; benign groups
//   AddExistingPlaces    places the older generators already planted: the
//                        two exploitative agencies' offices (of concern), the
//                        care group's home, the cafe and the industrial
//                        estate (decoys)
// Run these after every other generator: they take phones last, so the
// adverts planted before them are unchanged.
#pragma once

#include "tests/farm2/build_context.h"

namespace plainsight::farm2 {

void AddSharedHousing(BuildContext& ctx);
void AddDualUseAddress(BuildContext& ctx);
void AddPickUpPoints(BuildContext& ctx);
void AddPlaceDecoys(BuildContext& ctx);
void AddExistingPlaces(BuildContext& ctx);

// Every word an advert writes (title, sections, contact box), space-joined.
std::string AdvertText(const Advert& advert);

}  // namespace plainsight::farm2
