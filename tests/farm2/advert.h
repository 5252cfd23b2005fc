// Advert: one farm2 advert as its generator wrote it, before any site lays
// it out. Generators fill the content; Farm2 gives it a site id and path.
// A site layout decides how each field appears on the page, so the same
// model renders as an ATS vacancy, a classified ad, an agency posting or
// a directory profile. `phones` and `emails` record every contact the
// text carries (national digits, plain address), for the self-test and
// for anyone reading the truth.
#pragma once

#include <string>
#include <vector>

namespace plainsight::farm2 {

enum class Kind { kJobs, kAdult };

// A stretch of advert text: an optional heading, paragraphs, then bullets.
struct Section {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<std::string> bullets;
};

struct Advert {
  Kind kind = Kind::kJobs;
  int site = 0;         // index into Farm2::sites()
  std::string title;
  std::string posted;   // YYYY-MM-DD
  std::string town;     // where the advert says it is

  // Vacancies.
  std::string company;   // employer or agency as shown; "" for private ads
  std::string pay;       // "£12.90 per hour", "£300 a week"
  std::string contract;  // "Permanent", "Temporary", ""
  std::string hours;     // "Monday to Friday, 8am-4pm", ""

  // Profiles.
  std::string name;
  int age = 0;
  std::string rate;           // "£80 per hour"
  std::string phone_display;  // the profile's phone field, "" if none shown

  std::vector<Section> sections;  // the advert's own text
  std::string contact;            // a separate contact box, "" if none

  std::vector<std::string> phones;  // national digits of every phone written
  std::vector<std::string> emails;  // every e-mail written, plain form

  std::string group;  // truth group name, "" for an ordinary advert

  // Set by Farm2 once the advert has a site.
  int id = 0;
  std::string path;  // "/job/48213/care-assistant-kettering", as linked
};

}  // namespace plainsight::farm2
