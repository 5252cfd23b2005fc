// Planted risky groups on the job boards.
//   AddExploitativeAgencies  two labour "agencies", 9 and 7 vacancies, each
//                            sharing a phone and/or an e-mail and one full
//                            office address, offering accommodation taken
//                            from wages, early minibus pick-ups, pay under
//                            the minimum wage, "no English needed", fees
//                            for permits, documents kept by the office;
//                            the wording differs from advert to advert.
//   AddRecruitmentLink       a "massage and modelling staff wanted" job ad
//                            whose phone is behind four adult profiles.
#pragma once

#include "tests/farm2/build_context.h"

namespace plainsight::farm2 {

void AddExploitativeAgencies(BuildContext& ctx);
void AddRecruitmentLink(BuildContext& ctx);

}  // namespace plainsight::farm2
