// JobWriter: turns what an employer wants to say (a JobSpec) into the text
// of one vacancy in the house style of the board it is posted on.
//   kAts         "About the role / Responsibilities / What we offer / How
//                to apply", with the ATS's stock equal-opportunities line
//   kClassified  one or two short paragraphs, informal; `informal` as is
//   kAgency      description plus bullet lists, contact in the consultant box
//   kPlain       running paragraphs
// The same spec therefore reads differently on each board, as it would.
#pragma once

#include <string>
#include <vector>

#include "tests/farm2/advert.h"
#include "tests/farm2/rng.h"
#include "tests/farm2/site_ids.h"

namespace plainsight::farm2 {

struct JobSpec {
  std::string title;
  std::string company;  // "" for a private advertiser
  std::string town;
  std::string pay;
  std::string contract;
  std::string hours;
  std::vector<std::string> intro;         // sentences about employer and role
  std::vector<std::string> duties;        // "picking and packing orders"
  std::vector<std::string> requirements;  // "a full UK driving licence"
  std::vector<std::string> offers;        // "28 days holiday"
  std::vector<std::string> notes;         // anything else the advertiser says
  std::string apply;                      // how to apply, contacts included
  std::string informal;                   // a classified's whole text, if set
  bool equal_opportunities = true;        // ATS stock line (most employers)
};

// The ATS's stock sentences, shared by every employer on the ATS board.
extern const char* const kAtsEqualOpportunities;
extern const char* const kAtsApplyOnline;

// Fills `advert`'s vacancy fields and text from `spec` in `style`.
void WriteJob(const JobSpec& spec, JobStyle style, Rng& rng, Advert& advert);

}  // namespace plainsight::farm2
