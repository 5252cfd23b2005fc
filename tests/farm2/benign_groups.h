// Planted benign groups: adverts that share contacts or text for ordinary
// reasons and must not become a lead at or above the default min_score.
//   AddNationalAgency     one agency, five branches (each its own phone,
//                         e-mail and address, one shared e-mail domain and
//                         website), 20 fairly paid vacancies
//   AddSmallBusinesses    a household (cleaner, gardener, dog walker), a
//                         cafe and its catering arm, a farm shop and its
//                         pick-your-own: one phone each across 2-3 adverts
//   AddRepeatEmployer     a care group's 10 near-identical vacancies, one
//                         phone, one address, its own wording reused
//   AddAddressLookalikes  the same unit and business park in two towns;
//                         three unrelated firms on one industrial estate;
//                         "12 High Street" in two towns with no postcode
//   AddCrossposters       four independents on both directories with the
//                         same phone, name, age and town on each
#pragma once

#include "tests/farm2/build_context.h"

namespace plainsight::farm2 {

void AddNationalAgency(BuildContext& ctx);
void AddSmallBusinesses(BuildContext& ctx);
void AddRepeatEmployer(BuildContext& ctx);
void AddAddressLookalikes(BuildContext& ctx);
void AddCrossposters(BuildContext& ctx);

}  // namespace plainsight::farm2
