// Ordinary vacancies: the bulk of the job boards. Many different
// employers post through the ATS (so they share its headings and stock
// lines but nothing else), agencies fill the agency board, local firms and
// private people use the boilerplate board and the classifieds. A few
// employers and agencies post two to four vacancies under one set of
// contacts, as real ones do; each of those is a benign truth group. Every
// other ordinary advertiser posts once, with contacts no one else uses.
#pragma once

#include "tests/farm2/build_context.h"
#include "tests/farm2/employer.h"

namespace plainsight::farm2 {

void AddAtsVacancies(BuildContext& ctx);       // hireline
void AddAgencyVacancies(BuildContext& ctx);    // agency board
void AddLocalVacancies(BuildContext& ctx);     // localwork
void AddClassifiedVacancies(BuildContext& ctx);  // swapshop, private advertisers

// One vacancy an agency advertises for a client in a random sector.
Advert AgencyVacancy(Rng& rng, const Employer& agency, int site, int day);

}  // namespace plainsight::farm2
