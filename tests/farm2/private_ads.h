// Private job ads: households, sole traders and very small firms writing
// a short informal classified ("Cleaner wanted, 2 mornings a week ...").
// Each ad is put together from the job's own openers and details plus
// everyday asides, so two people wanting a cleaner do not post the same
// words. Contacts are a first name and a mobile, sometimes an e-mail,
// written the careless ways people write them: dashes, +44, now and then
// the number in words or the e-mail spelled "jo at example dot com".
#pragma once

#include <string>
#include <vector>

#include "tests/farm2/build_context.h"

namespace plainsight::farm2 {

struct PrivateJob {
  std::string key;                   // "cleaner"
  std::vector<std::string> titles;   // "Cleaner wanted"
  std::vector<std::string> openers;  // first sentence, with {town}
  std::vector<std::string> details;  // two or three are used
  std::vector<std::string> pay;
};

const std::vector<PrivateJob>& PrivateJobs();
const PrivateJob& PrivateJobNamed(const std::string& key);

// The ad for `job` with `contact` as its contact sentence.
Advert WritePrivateAd(Rng& rng, const PrivateJob& job, const std::string& town, int site, int day,
                      const std::string& contact, Advert contacts);

// A contact sentence for a person called `first` with `phone` and/or
// `email` ("" when absent); records them on `advert`.
std::string PrivateContact(Rng& rng, const std::string& first, const std::string& phone,
                           const std::string& email, Advert& advert, bool allow_words);

// A new private advertiser and one ad of theirs.
Advert PrivateAd(BuildContext& ctx, Rng& rng, const std::string& town, int site, int day);

}  // namespace plainsight::farm2
