#include "crawler/field_proposals.h"

#include <re2/re2.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/strings.h"
#include "crawler/site_probe_scripts.h"
#include "extractors/html_page.h"
#include "extractors/pay.h"

namespace plainsight {
namespace {

enum class Field { kTitle, kBody, kLocation, kSalary, kPosted };

const char* FieldName(Field f) {
  switch (f) {
    case Field::kTitle: return "title";
    case Field::kBody: return "body";
    case Field::kLocation: return "location";
    case Field::kSalary: return "salary";
    case Field::kPosted: return "posted";
  }
  return "";
}

// Lower-case words of identifiers: "job-card__salary" -> job, card, salary;
// "datePosted" -> date, posted.
void AddWords(std::string_view text, std::set<std::string>* words) {
  std::string word;
  char previous = '\0';
  for (char c : text) {
    if (IsAsciiUpper(c) && IsAsciiLower(previous) && !word.empty()) {
      words->insert(word);
      word.clear();
    }
    if (IsAsciiAlnum(c)) {
      word += AsciiLower(c);
    } else if (!word.empty()) {
      words->insert(word);
      word.clear();
    }
    previous = c;
  }
  if (!word.empty()) words->insert(word);
}

bool AnyOf(const std::set<std::string>& words, std::initializer_list<const char*> wanted) {
  for (const char* w : wanted) {
    if (words.count(w) != 0) return true;
  }
  return false;
}

bool LooksLikeDate(std::string_view text) {
  static const RE2 kDate(
      R"((?i)(\b\d{1,2}(st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b)|)"
      R"((\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}\b)|)"
      R"((\b\d{4}-\d{2}-\d{2}\b)|(\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b)|)"
      R"((\b(today|yesterday)\b)|(\b\d+\s+(minute|hour|day|week|month)s?\s+ago\b))");
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), kDate);
}

bool HasMoneySign(std::string_view text) {
  return text.find("\xC2\xA3") != std::string_view::npos ||  // £
         text.find("\xE2\x82\xAC") != std::string_view::npos ||  // €
         text.find('$') != std::string_view::npos;
}

// What one candidate element or script value is, for rating.
struct Candidate {
  std::string text;
  std::string tag;  // "" for script values
  std::set<std::string> names;  // class, id, itemprop words; script keys
  std::string label;            // a short label before it ("Location", "Posted:")
  bool has_datetime = false;
  bool contains_h1 = false;  // holds an h1 or h2: the title's block, not the body
  bool in_link = false;    // an <a> or inside one: a town list, a category link
  bool in_chrome = false;  // nav, footer, sidebar, menu: the site's, not the advert's
};

// A heading is a title, not a fact about the advert.
bool IsHeading(const std::string& tag) {
  return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6';
}

// The first word of `text` when a label opens it ("Town Milton Keynes",
// "Salary: £12"): the value is then in a child element.
std::string LeadingLabel(const std::string& text) {
  std::size_t end = text.find_first_of(" :");
  if (end == std::string::npos || end + 1 >= text.size()) return "";
  return ToLowerAscii(text.substr(0, end));
}

struct Sample {
  const ProbeDom* dom = nullptr;
  std::string title_lower;
  std::set<std::string> shared_lines;  // lines every sample has
  double unique_chars = 1;             // chars on its own lines that are no other field
  std::vector<std::string> field_values;  // what the other fields read on it
  std::map<std::string, std::string> script_values;  // spec -> value
};

double RateTitle(const Candidate& c, const Sample& s) {
  if (c.text.size() < 2 || c.text.size() > 200 || c.in_chrome) return 0;
  double score = 0;
  if (c.tag == "h1") {
    score += 0.6;
  } else if (c.tag == "h2") {
    score += 0.25;
  } else if (c.tag == "h3") {
    score += 0.1;
  }
  std::string lower = ToLowerAscii(c.text);
  if (lower.size() >= 3 && s.title_lower.find(lower) != std::string::npos) {
    score += lower == s.title_lower ? 0.45 : 0.4;
  }
  if (AnyOf(c.names, {"title", "headline", "heading", "jobtitle"})) score += 0.15;
  if (c.tag.empty() && AnyOf(c.names, {"name"})) score += 0.1;
  return std::min(1.0, score);
}

double RateLocation(const Candidate& c, const FieldProposalOptions& options) {
  if (c.text.size() < 2 || c.text.size() > 80 || c.in_chrome) return 0;
  double score = 0;
  if (AnyOf(c.names, {"location", "town", "city", "area", "where", "region", "place", "locality",
                      "address", "county", "district", "loc", "geo"})) {
    score += 0.5;
  }
  std::set<std::string> label;
  AddWords(c.label, &label);
  if (AnyOf(label, {"location", "town", "city", "area", "where", "based", "place", "address",
                    "region"})) {
    score += 0.4;
  }
  if (options.gazetteer != nullptr && !options.gazetteer->FindPlacesInLocation(c.text).empty()) {
    score += c.text.size() <= 40 ? 0.5 : 0.4;
  }
  if (HasMoneySign(c.text) || LooksLikeDate(c.text)) score -= 0.6;
  if (c.in_link) score -= 0.3;
  if (IsHeading(c.tag)) score -= 0.4;
  static const std::set<std::string> labels = {"location", "town", "city", "area", "where",
                                               "region", "address", "based"};
  if (labels.count(LeadingLabel(c.text)) != 0) score -= 0.25;
  return std::clamp(score, 0.0, 1.0);
}

double RateSalary(const Candidate& c) {
  if (c.text.size() < 2 || c.text.size() > 100 || c.in_chrome) return 0;
  double score = 0;
  if (AnyOf(c.names, {"salary", "pay", "wage", "wages", "rate", "remuneration", "compensation",
                      "earnings", "basesalary"})) {
    score += 0.4;
  }
  std::set<std::string> label;
  AddWords(c.label, &label);
  if (AnyOf(label, {"salary", "pay", "wage", "wages", "rate", "earnings"})) score += 0.3;
  PayContext context;
  context.in_salary_field = score > 0;  // a named pay field needs no currency sign
  if (!FindPay(c.text, context).empty()) score += 0.5;
  if (LooksLikeDate(c.text)) score -= 0.5;
  if (c.in_link) score -= 0.3;
  if (IsHeading(c.tag)) score -= 0.4;
  static const std::set<std::string> labels = {"salary", "pay", "wage", "wages", "rate", "rates"};
  if (labels.count(LeadingLabel(c.text)) != 0) score -= 0.25;
  return std::clamp(score, 0.0, 1.0);
}

double RatePosted(const Candidate& c) {
  if (c.text.size() < 4 || c.text.size() > 60 || c.in_chrome) return 0;
  double score = 0;
  if (c.tag == "time") score += 0.35;
  if (c.has_datetime) score += 0.1;
  if (AnyOf(c.names, {"posted", "date", "published", "created", "added", "listed", "ago",
                      "dateposted", "posteddate", "createdat", "publishedat"})) {
    score += 0.3;
  }
  std::set<std::string> label;
  AddWords(c.label, &label);
  if (AnyOf(label, {"posted", "date", "added", "listed", "published"})) score += 0.3;
  if (LooksLikeDate(c.text)) {
    score += 0.45;
  } else {
    score -= 0.2;
  }
  if (AnyOf(c.names, {"closing", "expires", "expiry", "deadline", "start", "end", "birth"}) ||
      AnyOf(label, {"closing", "expires", "expiry", "deadline", "start", "ends", "birth"})) {
    score -= 0.6;
  }
  if (c.in_link) score -= 0.3;
  if (IsHeading(c.tag)) score -= 0.4;
  static const std::set<std::string> labels = {"posted", "date", "added", "listed", "published"};
  if (labels.count(LeadingLabel(c.text)) != 0) score -= 0.25;
  return std::clamp(score, 0.0, 1.0);
}

// Whether `line` is mostly other fields' values (a title, a "Town – £12
// per hour" summary, "Posted 3 May") rather than the advert's prose.
bool IsFieldLine(const std::string& line, const std::vector<std::string>& values) {
  std::size_t covered = 0;
  for (const std::string& v : values) {
    if (!v.empty() && line.find(v) != std::string::npos) covered += v.size();
  }
  return covered * 10 >= line.size() * 4;
}

// Body: the advert's own prose. Lines only this sample has count for it;
// lines every sample shares (headings, labels, boxes, chrome) count
// against it, and lines that are other fields (title, facts) half against
// it, so the description wins over the article around it.
double RateBody(const Candidate& c, const Sample& s) {
  if (c.in_chrome) return 0;
  double prose = 0;
  double field_lines = 0;
  double shared = 0;
  std::size_t start = 0;
  while (start <= c.text.size()) {
    std::size_t end = c.text.find('\n', start);
    if (end == std::string::npos) end = c.text.size();
    std::string line(TrimAscii(std::string_view(c.text).substr(start, end - start)));
    const auto length = static_cast<double>(line.size());
    if (s.shared_lines.count(line) != 0) {
      shared += length;
    } else if (IsFieldLine(line, s.field_values)) {
      field_lines += length;
    } else {
      prose += length;
    }
    start = end + 1;
  }
  double score = std::clamp((prose - shared - 0.5 * field_lines) / s.unique_chars, 0.0, 1.0);
  if (score <= 0) return 0;
  if (AnyOf(c.names, {"description", "body", "content", "details", "text", "bio", "about", "desc",
                      "summary", "copy"})) {
    score += 0.1;
  }
  if (c.contains_h1) score -= 0.1;
  return std::max(score, 0.0);
}

double Rate(Field f, const Candidate& c, const Sample& s, const FieldProposalOptions& options) {
  switch (f) {
    case Field::kTitle: return RateTitle(c, s);
    case Field::kBody: return RateBody(c, s);
    case Field::kLocation: return RateLocation(c, options);
    case Field::kSalary: return RateSalary(c);
    case Field::kPosted: return RatePosted(c);
  }
  return 0;
}

std::string PreviousSiblingText(const ProbeDom& dom, std::size_t i) {
  const auto& elements = dom.elements();
  const int parent = elements[i].parent;
  for (std::size_t j = i; j-- > 0;) {
    if (static_cast<int>(j) <= parent) break;
    if (elements[j].parent == parent) {
      std::string_view text = dom.TextOf(j);
      return text.size() <= 40 ? std::string(text) : "";
    }
  }
  return "";
}

Candidate ElementCandidate(const ProbeDom& dom, std::size_t i) {
  const DomElement& e = dom.elements()[i];
  Candidate c;
  c.tag = e.tag;
  c.text = e.tag == "meta" ? std::string(TrimAscii(dom.Attribute(i, "content")))
                           : std::string(dom.TextOf(i));
  for (const std::string& cls : e.classes) AddWords(cls, &c.names);
  AddWords(e.id, &c.names);
  AddWords(dom.Attribute(i, "itemprop"), &c.names);
  c.has_datetime = !dom.Attribute(i, "datetime").empty();
  c.label = PreviousSiblingText(dom, i);
  if (c.label.empty() && e.parent >= 0 && !c.text.empty()) {
    auto parent = static_cast<std::size_t>(e.parent);
    std::string_view parent_text = dom.TextOf(parent);
    std::size_t at = parent_text.rfind(c.text);
    if (parent_text == c.text) {
      // A wrapper around the value (<dd class="posted"><time>): its label
      // and names are the value's.
      c.label = PreviousSiblingText(dom, parent);
      for (const std::string& cls : dom.elements()[parent].classes) AddWords(cls, &c.names);
    } else if (at != std::string_view::npos && at > 0 && at + c.text.size() == parent_text.size() &&
               at <= 30) {
      // The value after a bare label in its parent (<li class="town">Town
      // <span>Corby</span>): the label and the parent's names are the value's.
      c.label = TrimAscii(parent_text.substr(0, at));
      for (const std::string& cls : dom.elements()[parent].classes) AddWords(cls, &c.names);
    }
  }
  const auto& elements = dom.elements();
  for (std::size_t j = i + 1; j < elements.size() && dom.IsInside(j, i); ++j) {
    if (elements[j].tag == "h1" || elements[j].tag == "h2") {
      c.contains_h1 = true;
      break;
    }
  }
  bool page_edge = false;  // a <header> or <footer> not inside an <article>
  for (int at = static_cast<int>(i); at >= 0; at = elements[static_cast<std::size_t>(at)].parent) {
    const DomElement& a = elements[static_cast<std::size_t>(at)];
    if (a.tag == "a") c.in_link = true;
    if (a.tag == "nav" || a.tag == "aside") c.in_chrome = true;
    if (a.tag == "header" || a.tag == "footer") page_edge = true;
    if (a.tag == "article") page_edge = false;
    std::set<std::string> words;
    for (const std::string& cls : a.classes) AddWords(cls, &words);
    AddWords(a.id, &words);
    if (AnyOf(words, {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
                      "sidebar", "masthead", "topbar", "footer", "share", "social"})) {
      c.in_chrome = true;
    }
  }
  if (page_edge) c.in_chrome = true;
  return c;
}

Candidate ScriptCandidate(const ScriptValue& value) {
  Candidate c;
  c.text = TrimAscii(value.value);
  for (const std::string& key : value.keys) AddWords(key, &c.names);
  // The last key is the field's own name; earlier ones are context.
  std::set<std::string> own;
  if (!value.keys.empty()) AddWords(value.keys.back(), &own);
  c.names = own;
  return c;
}

bool IsSelectorName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_') return false;
  }
  return !IsAsciiDigit(name.front());
}

bool UsableClass(const std::string& name) {
  static const std::set<std::string> modifiers = {"active", "selected", "current", "new",
                                                  "featured", "odd", "even", "first", "last"};
  return IsSelectorName(name) && name.find("--") == std::string::npos &&
         modifiers.count(ToLowerAscii(name)) == 0;
}

bool UsableId(const std::string& id) {
  return IsSelectorName(id) && std::none_of(id.begin(), id.end(), IsAsciiDigit);
}

// The element's own short selectors: tag.class, tag#id, tag[itemprop=x], a bare tag.
std::vector<std::string> OwnSelectors(const ProbeDom& dom, std::size_t i, bool with_bare_tag) {
  const DomElement& e = dom.elements()[i];
  std::vector<std::string> out;
  if (!IsSelectorName(e.tag)) return out;
  for (const std::string& cls : e.classes) {
    if (UsableClass(cls)) out.push_back(e.tag + "." + cls);
  }
  if (UsableId(e.id)) out.push_back(e.tag + "#" + e.id);
  std::string_view itemprop = dom.Attribute(i, "itemprop");
  if (IsSelectorName(itemprop)) out.push_back(e.tag + "[itemprop=" + std::string(itemprop) + "]");
  if (with_bare_tag) out.push_back(e.tag);
  return out;
}

std::vector<std::string> CandidateSelectors(const ProbeDom& dom, std::size_t i) {
  static const std::set<std::string> bare = {"h1", "h2", "h3", "time", "address", "article",
                                             "main"};
  const DomElement& e = dom.elements()[i];
  std::vector<std::string> out = OwnSelectors(dom, i, bare.count(e.tag) != 0);
  if (!IsSelectorName(e.tag)) return out;
  std::string own_class;
  for (const std::string& cls : e.classes) {
    if (UsableClass(cls)) {
      own_class = e.tag + "." + cls;
      break;
    }
  }
  int found = 0;
  for (int at = e.parent; at >= 0 && found < 3;
       at = dom.elements()[static_cast<std::size_t>(at)].parent) {
    std::vector<std::string> ancestor = OwnSelectors(dom, static_cast<std::size_t>(at), false);
    if (ancestor.empty()) continue;
    ++found;
    out.push_back(ancestor.front() + " " + e.tag);
    if (!own_class.empty()) out.push_back(ancestor.front() + " " + own_class);
  }
  return out;
}

struct Scored {
  std::string selector;
  int covered = 0;        // samples where it reads a likely value
  bool covers_first = false;
  double score = 0;
};

bool Better(const Scored& a, const Scored& b) {
  if (a.covered != b.covered) return a.covered > b.covered;
  if (a.covers_first != b.covers_first) return a.covers_first;
  if (a.score != b.score) return a.score > b.score;
  if (a.selector.size() != b.selector.size()) return a.selector.size() < b.selector.size();
  return a.selector < b.selector;
}

class Proposer {
 public:
  Proposer(const std::vector<const ProbeDom*>& doms, const FieldProposalOptions& options)
      : options_(options) {
    std::map<std::string, int> line_counts;
    for (const ProbeDom* dom : doms) {
      Sample s;
      s.dom = dom;
      s.title_lower = ToLowerAscii(dom->title());
      std::set<std::string> lines;
      std::size_t start = 0;
      const std::string& text = dom->text();
      while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.emplace(TrimAscii(std::string_view(text).substr(start, end - start)));
        start = end + 1;
      }
      for (const std::string& line : lines) ++line_counts[line];
      for (ScriptValue& v : ListScriptValues(dom->scripts())) {
        script_specs_.push_back(v.spec);
        s.script_values[v.spec] = std::move(v.value);
      }
      samples_.push_back(std::move(s));
      sample_lines_.push_back(std::move(lines));
    }
    const int n = static_cast<int>(doms.size());
    for (std::size_t k = 0; k < samples_.size(); ++k) {
      for (const std::string& line : sample_lines_[k]) {
        if (n >= 2 && line_counts[line] >= n) samples_[k].shared_lines.insert(line);
      }
    }
    SetFieldValues({});
  }

  // The other fields' values on each sample (per sample, any order), which
  // the body should not be made of.
  void SetFieldValues(const std::vector<std::vector<std::string>>& values) {
    for (std::size_t k = 0; k < samples_.size(); ++k) {
      Sample& s = samples_[k];
      s.field_values = k < values.size() ? values[k] : std::vector<std::string>{};
      double unique = 0;
      for (const std::string& line : sample_lines_[k]) {
        if (s.shared_lines.count(line) == 0 && !IsFieldLine(line, s.field_values)) {
          unique += static_cast<double>(line.size());
        }
      }
      s.unique_chars = std::max(1.0, unique);
    }
  }

  FieldProposal Propose(Field f) const {
    FieldProposal out;
    out.field = FieldName(f);
    std::set<std::string> selectors;
    // Candidates: selectors for each sample's likely elements.
    for (const Sample& s : samples_) {
      const auto& elements = s.dom->elements();
      std::vector<std::pair<double, std::size_t>> rated;
      for (std::size_t i = 0; i < elements.size(); ++i) {
        const DomElement& e = elements[i];
        if (!e.visible || e.tag == "html" || e.tag == "body") continue;
        double rate = Rate(f, ElementCandidate(*s.dom, i), s, options_);
        if (rate >= 0.3) rated.emplace_back(rate, i);
      }
      std::stable_sort(rated.begin(), rated.end(),
                       [](const auto& a, const auto& b) { return a.first > b.first; });
      if (rated.size() > 8) rated.resize(8);
      for (const auto& [rate, i] : rated) {
        for (std::string& sel : CandidateSelectors(*s.dom, i)) selectors.insert(std::move(sel));
      }
    }
    std::vector<Scored> scored;
    for (const std::string& text : selectors) {
      auto selector = Selector::Parse(text);
      if (!selector.ok()) continue;
      scored.push_back(ScoreCss(f, text, *selector));
    }
    for (const std::string& spec : script_specs_) scored.push_back(ScoreScript(f, spec));
    // A CSS selector must fit at least half the samples: one that fits one
    // of three is likely chance. A script path names the field in the
    // site's own data, so it may fit fewer (sites that render adverts in
    // several ways).
    const int half = static_cast<int>((samples_.size() + 1) / 2);
    scored.erase(std::remove_if(scored.begin(), scored.end(),
                                [&](const Scored& s) {
                                  bool script = IsScriptFieldPath(s.selector);
                                  return s.covered == 0 || (!script && s.covered < half);
                                }),
                 scored.end());
    if (scored.empty()) {
      out.note = NothingNote(f);
      return out;
    }
    std::sort(scored.begin(), scored.end(), Better);
    for (std::size_t k = 0; k < scored.size() && k < 5; ++k) {
      spdlog::debug("{} candidate {}: {} of {} samples, score {:.2f}", FieldName(f),
                    scored[k].selector, scored[k].covered, samples_.size(), scored[k].score);
    }
    out.selector = scored.front().selector;
    for (const Sample& s : samples_) out.values.push_back(ReadField(s.dom->html(), out.selector));
    if (scored.front().covered < static_cast<int>(samples_.size())) {
      out.note = "reads a likely " + std::string(FieldName(f)) + " on " +
                 std::to_string(scored.front().covered) + " of " +
                 std::to_string(samples_.size()) + " samples";
    }
    return out;
  }

 private:
  static constexpr double kCovered = 0.5;

  Scored ScoreCss(Field f, const std::string& text, const Selector& selector) const {
    Scored out;
    out.selector = text;
    double total = 0;
    double unique = 0;
    std::vector<std::string> values;
    for (std::size_t k = 0; k < samples_.size(); ++k) {
      const Sample& s = samples_[k];
      std::vector<std::size_t> matches = s.dom->Select(selector);
      if (matches.empty()) {
        values.emplace_back();
        continue;
      }
      Candidate c = ElementCandidate(*s.dom, matches.front());
      double rate = s.dom->elements()[matches.front()].visible ? Rate(f, c, s, options_) : 0;
      total += rate;
      if (matches.size() == 1) unique += 1;
      if (rate >= kCovered) {
        ++out.covered;
        if (k == 0) out.covers_first = true;
      }
      values.push_back(c.text);
    }
    const double n = static_cast<double>(samples_.size());
    out.score = total / n + 0.1 * unique / n;
    // Prefer the element's own class; then a bare tag that is unique on
    // every sample ("h1"); then an ancestor's class and a tag.
    const bool descendant = text.find(' ') != std::string::npos;
    if (!descendant && text.find('.') != std::string::npos) out.score += 0.05;
    if (descendant) out.score -= 0.03 * static_cast<double>(std::count(text.begin(), text.end(), ' '));
    if (text.find_first_of(".#[ ") == std::string::npos && unique < n) out.score -= 0.05;
    if (f == Field::kTitle && !Distinct(values)) out.covered = 0;
    return out;
  }

  Scored ScoreScript(Field f, const std::string& spec) const {
    Scored out;
    out.selector = spec;
    double total = 0;
    std::vector<std::string> values;
    for (std::size_t k = 0; k < samples_.size(); ++k) {
      const Sample& s = samples_[k];
      auto it = s.script_values.find(spec);
      if (it == s.script_values.end()) {
        values.emplace_back();
        continue;
      }
      ScriptValue value;
      value.spec = spec;
      value.value = it->second;
      std::string keys = spec.substr(spec.find('#') + 1);
      std::size_t start = 0;
      while (start <= keys.size()) {
        std::size_t dot = keys.find('.', start);
        if (dot == std::string::npos) dot = keys.size();
        value.keys.push_back(keys.substr(start, dot - start));
        start = dot + 1;
      }
      Candidate c = ScriptCandidate(value);
      double rate = RateScript(f, c, s);
      total += rate;
      if (rate >= kCovered) {
        ++out.covered;
        if (k == 0) out.covers_first = true;
      }
      values.push_back(c.text);
    }
    out.score = total / static_cast<double>(samples_.size()) + 0.1;  // a key match is exact
    if (f == Field::kTitle && !Distinct(values)) out.covered = 0;
    return out;
  }

  // Script values have no tag or label: the key must name the field.
  double RateScript(Field f, const Candidate& c, const Sample& s) const {
    switch (f) {
      case Field::kTitle:
        if (!AnyOf(c.names, {"title", "headline", "heading", "name"})) return 0;
        return std::min(1.0, 0.3 + RateTitle(c, s));
      case Field::kBody:
        if (!AnyOf(c.names, {"description", "body", "text", "content", "details", "desc"})) return 0;
        return c.text.size() >= 60 ? 0.9 : 0.3;
      case Field::kLocation:
        if (!AnyOf(c.names, {"location", "town", "city", "locality", "area", "region", "address",
                             "display", "place"})) {
          return 0;
        }
        return RateLocation(c, options_);
      case Field::kSalary:
        if (!AnyOf(c.names, {"salary", "pay", "wage", "wages", "rate", "compensation"})) return 0;
        return RateSalary(c);
      case Field::kPosted:
        if (!AnyOf(c.names, {"posted", "date", "published", "created", "listed", "added"})) return 0;
        return RatePosted(c);
    }
    return 0;
  }

  bool Distinct(const std::vector<std::string>& values) const {
    std::set<std::string> distinct;
    int present = 0;
    for (const std::string& v : values) {
      if (v.empty()) continue;
      ++present;
      distinct.insert(v);
    }
    return present < 2 || distinct.size() > 1;
  }

  static std::string NothingNote(Field f) {
    switch (f) {
      case Field::kTitle: return "no heading or element matching the <title> on the samples";
      case Field::kBody: return "no block of text that differs between the samples";
      case Field::kLocation:
        return "no element the selector subset can reach reads as a place on the samples";
      case Field::kSalary:
        return "no element the selector subset can reach reads as pay on the samples";
      case Field::kPosted:
        return "no element the selector subset can reach reads as a date on the samples";
    }
    return "";
  }

  FieldProposalOptions options_;
  std::vector<Sample> samples_;
  std::vector<std::set<std::string>> sample_lines_;
  std::vector<std::string> script_specs_;
};

}  // namespace

std::vector<FieldProposal> ProposeFields(const std::vector<const ProbeDom*>& samples,
                                         const FieldProposalOptions& options) {
  std::vector<FieldProposal> out;
  if (samples.empty()) return out;
  Proposer proposer(samples, options);
  out.push_back(proposer.Propose(Field::kTitle));
  out.push_back(proposer.Propose(Field::kLocation));
  if (options.kind != "adult") out.push_back(proposer.Propose(Field::kSalary));
  out.push_back(proposer.Propose(Field::kPosted));
  // The body last: it is what the other fields are not.
  std::vector<std::vector<std::string>> values(samples.size());
  for (const FieldProposal& f : out) {
    for (std::size_t k = 0; k < f.values.size() && k < values.size(); ++k) {
      values[k].push_back(f.values[k]);
    }
  }
  proposer.SetFieldValues(values);
  out.insert(out.begin() + 1, proposer.Propose(Field::kBody));
  return out;
}

std::string ReadField(std::string_view html_utf8, const std::string& selector) {
  if (selector.empty()) return "";
  if (IsScriptFieldPath(selector)) {
    auto path = ParseScriptFieldPath(selector);
    if (!path.ok()) return "";
    std::vector<std::pair<std::string, Selector>> none;
    ParsedPage page = ParseHtml(html_utf8, none, false, true);
    auto value = ReadScriptField(page.scripts, *path);
    return value ? std::string(TrimAscii(*value)) : "";
  }
  ParsedPage page = ParseHtml(html_utf8, std::vector<FieldSelectorSpec>{{"field", selector}});
  auto it = page.fields.find("field");
  return it == page.fields.end() ? "" : std::string(TrimAscii(it->second));
}

}  // namespace plainsight
