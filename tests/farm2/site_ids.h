// The six farm2 sites, by index into Farm2::sites(), and the house style
// each vacancy board asks of the vacancies posted on it.
#pragma once

namespace plainsight::farm2 {

enum SiteId : int {
  kHireline = 0,    // jobs: ATS board, every vacancy in four fixed sections
  kSwapshop = 1,    // jobs: classifieds, short informal ads
  kAgencyBoard = 2, // jobs: mostly agencies, facts table and consultant box
  kLocalwork = 3,   // jobs: appends its own safety notice to every advert
  kMoonlit = 4,     // adult: card gallery, profiles with a stats list
  kAmber = 5,       // adult: table directory, profiles with a facts table
  kSiteCount = 6,
};

enum class JobStyle { kAts, kClassified, kAgency, kPlain };

inline JobStyle StyleOf(int site) {
  switch (site) {
    case kHireline: return JobStyle::kAts;
    case kSwapshop: return JobStyle::kClassified;
    case kAgencyBoard: return JobStyle::kAgency;
    default: return JobStyle::kPlain;
  }
}

}  // namespace plainsight::farm2
