#include "tests/farm2/job_writer.h"

#include <cctype>

#include "tests/farm2/text.h"

namespace plainsight::farm2 {

const char* const kAtsEqualOpportunities =
    "We are an equal opportunities employer and welcome applications from all sections of the "
    "community.";
const char* const kAtsApplyOnline = "Apply now via our online form.";

namespace {

std::string Capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// "a, b and c".
std::string ListPhrase(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  if (items.size() == 1) return items[0];
  std::vector<std::string> head(items.begin(), items.end() - 1);
  return Join(head, ", ") + " and " + items.back();
}

std::string Sentences(const std::vector<std::string>& sentences) { return Join(sentences, " "); }

void WriteAts(const JobSpec& spec, Rng& rng, Advert& advert) {
  Section about{"About the role", {}, {}};
  if (!spec.intro.empty()) about.paragraphs.push_back(Sentences(spec.intro));
  if (!spec.requirements.empty()) {
    static const std::vector<std::string> kLeads = {
        "We are looking for someone with ", "The successful candidate will have ",
        "To be considered you will need ", "Ideally you will bring "};
    about.paragraphs.push_back(rng.Pick(kLeads) + ListPhrase(spec.requirements) + ".");
  }
  if (!spec.notes.empty()) about.paragraphs.push_back(Sentences(spec.notes));

  Section duties{"Responsibilities", {}, {}};
  for (const std::string& duty : spec.duties) duties.bullets.push_back(Capitalised(duty));

  Section offer{"What we offer", {}, {}};
  if (!spec.pay.empty()) offer.bullets.push_back(spec.pay);
  if (!spec.hours.empty()) offer.bullets.push_back(Capitalised(spec.hours));
  for (const std::string& item : spec.offers) offer.bullets.push_back(Capitalised(item));

  Section apply{"How to apply", {}, {}};
  std::string how = spec.apply;
  if (how.find("online form") == std::string::npos)
    how = std::string(kAtsApplyOnline) + (how.empty() ? "" : " " + how);
  apply.paragraphs.push_back(how);
  if (spec.equal_opportunities) apply.paragraphs.emplace_back(kAtsEqualOpportunities);

  advert.sections = {about, duties, offer, apply};
}

void WriteClassified(const JobSpec& spec, Advert& advert) {
  if (!spec.informal.empty()) {
    advert.sections = {Section{"", {spec.informal}, {}}};
    return;
  }
  std::vector<std::string> text = spec.intro;
  if (!spec.duties.empty()) text.push_back("Work involves " + ListPhrase(spec.duties) + ".");
  if (!spec.pay.empty()) text.push_back(spec.pay + ".");
  if (!spec.hours.empty()) text.push_back(Capitalised(spec.hours) + ".");
  for (const std::string& note : spec.notes) text.push_back(note);
  advert.sections = {Section{"", {Sentences(text)}, {}}, Section{"", {spec.apply}, {}}};
}

void WriteAgency(const JobSpec& spec, Advert& advert) {
  std::vector<Section> sections;
  Section description{"", {}, {}};
  if (!spec.intro.empty()) description.paragraphs.push_back(Sentences(spec.intro));
  if (!spec.notes.empty()) description.paragraphs.push_back(Sentences(spec.notes));
  sections.push_back(description);
  if (!spec.duties.empty()) {
    Section s{"Duties", {}, {}};
    for (const std::string& d : spec.duties) s.bullets.push_back(Capitalised(d));
    sections.push_back(s);
  }
  if (!spec.requirements.empty()) {
    Section s{"Requirements", {}, {}};
    for (const std::string& r : spec.requirements) s.bullets.push_back(Capitalised(r));
    sections.push_back(s);
  }
  if (!spec.offers.empty()) {
    Section s{"Benefits", {}, {}};
    for (const std::string& o : spec.offers) s.bullets.push_back(Capitalised(o));
    sections.push_back(s);
  }
  advert.sections = sections;
  advert.contact = spec.apply;
}

void WritePlain(const JobSpec& spec, Rng& rng, Advert& advert) {
  std::vector<std::string> paragraphs;
  if (!spec.intro.empty()) paragraphs.push_back(Sentences(spec.intro));
  std::vector<std::string> middle;
  if (!spec.duties.empty()) {
    static const std::vector<std::string> kLeads = {"The job involves ", "Duties include ",
                                                    "You will be "};
    const std::string& lead = rng.Pick(kLeads);
    middle.push_back(lead + ListPhrase(spec.duties) + ".");
  }
  if (!spec.requirements.empty())
    middle.push_back("You will need " + ListPhrase(spec.requirements) + ".");
  if (!middle.empty()) paragraphs.push_back(Sentences(middle));
  std::vector<std::string> terms;
  if (!spec.pay.empty()) terms.push_back("Pay: " + spec.pay + ".");
  if (!spec.hours.empty()) terms.push_back("Hours: " + spec.hours + ".");
  if (!spec.offers.empty()) terms.push_back("We offer " + ListPhrase(spec.offers) + ".");
  for (const std::string& note : spec.notes) terms.push_back(note);
  if (!terms.empty()) paragraphs.push_back(Sentences(terms));
  if (!spec.apply.empty()) paragraphs.push_back(spec.apply);
  advert.sections = {Section{"", paragraphs, {}}};
}

}  // namespace

void WriteJob(const JobSpec& spec, JobStyle style, Rng& rng, Advert& advert) {
  advert.kind = Kind::kJobs;
  advert.title = spec.title;
  advert.company = spec.company;
  advert.town = spec.town;
  advert.pay = spec.pay;
  advert.contract = spec.contract;
  advert.hours = spec.hours;
  switch (style) {
    case JobStyle::kAts: WriteAts(spec, rng, advert); break;
    case JobStyle::kClassified: WriteClassified(spec, advert); break;
    case JobStyle::kAgency: WriteAgency(spec, advert); break;
    case JobStyle::kPlain: WritePlain(spec, rng, advert); break;
  }
}

}  // namespace plainsight::farm2
