#include "crawler/site_probe.h"

#include <re2/re2.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <set>

#include "core/strings.h"
#include "crawler/link_patterns.h"
#include "crawler/site_probe_dom.h"
#include "crawler/site_probe_pagination.h"
#include "crawler/url.h"
#include "extractors/html_page.h"

namespace plainsight {
namespace {

// Advert pages tried at most, to find `samples` that can be read.
constexpr int kMaxSampleTries = 6;

int CountMatches(const std::string& text, const RE2& re) {
  int n = 0;
  re2::StringPiece rest(text.data(), text.size());
  while (RE2::FindAndConsume(&rest, re)) {
    ++n;
    if (n > 100000) break;
  }
  return n;
}

std::string PathOf(const std::string& url, const std::string& origin) {
  return url.compare(0, origin.size(), origin) == 0 ? url.substr(origin.size()) : url;
}

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

// Notes on samples whose schema.org data the extractor reads before any selector.
void NoteStructuredData(const std::vector<std::string>& htmls, SiteProposal* out) {
  for (std::size_t k = 0; k < htmls.size(); ++k) {
    ParsedPage page = ParseHtml(htmls[k], std::vector<FieldSelectorSpec>{});
    if (page.structured.empty()) continue;
    const StructuredAdvert& item = page.structured.front();
    std::vector<std::string> fields;
    if (!item.title.empty()) fields.emplace_back("title");
    if (!item.locality.empty()) fields.emplace_back("location");
    if (!item.date_posted.empty()) fields.emplace_back("posted");
    if (fields.empty()) continue;
    out->notes.push_back("sample " + std::to_string(k + 1) + " carries schema.org " + item.type +
                         " data: the crawl takes its " + Join(fields, ", ") +
                         " from there before any selector");
  }
}

}  // namespace

bool IsValidSiteName(const std::string& name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return IsAsciiLower(c) || IsAsciiDigit(c) || c == '-'; });
}

std::string SiteNameFromUrl(const std::string& url) {
  auto parsed = ParseUrl(url);
  if (!parsed) return "site";
  std::string host = parsed->host;
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  const bool ip = host.find_first_not_of("0123456789.") == std::string::npos ||
                  (!host.empty() && host.front() == '[');
  const bool default_port = parsed->port == (parsed->scheme == "https" ? 443 : 80);
  if (ip && !default_port) host += "-" + std::to_string(parsed->port);
  std::string name;
  for (char c : host) {
    if (IsAsciiLower(c) || IsAsciiDigit(c)) {
      name += c;
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "site" : name;
}

std::string GuessKind(const std::vector<std::string>& texts, std::string* reason) {
  static const RE2 kJobWords(
      R"((?i)\b(salary|salaries|vacanc(y|ies)|apply|applications?|employers?|jobs?|shifts?|)"
      R"(recruit\w*|cv|full[- ]time|part[- ]time|permanent|temporary|wages?|hiring|careers?|)"
      R"(contract|per annum|experience)\b)");
  static const RE2 kAdultWords(
      R"((?i)\b(companion\w*|escorts?|massage|incall|outcall|new in town|age:? *\d\d|)"
      R"(\d\d years old|gfe|discreet|ladies|girls|elegant|sensual|adults? only|over 18)\b)");
  int jobs = 0;
  int adult = 0;
  for (const std::string& text : texts) {
    jobs += CountMatches(text, kJobWords);
    adult += CountMatches(text, kAdultWords);
  }
  std::string kind = adult > jobs ? "adult" : "jobs";
  if (reason != nullptr) {
    *reason = "guessed from " + std::to_string(jobs) + " job words and " + std::to_string(adult) +
              " adult-services words on " + std::to_string(texts.size()) + " pages";
  }
  return kind;
}

Result<SiteProposal> ProbeSite(const ProbeOptions& options, ProbePageSource& source) {
  auto listing_url = NormalizeUrl(options.listing_url);
  if (!listing_url) return Status::InvalidArgument("not an http(s) URL: '" + options.listing_url + "'");
  if (!options.kind.empty() && options.kind != "jobs" && options.kind != "adult") {
    return Status::InvalidArgument("--kind must be jobs or adult, got '" + options.kind + "'");
  }
  if (!options.name.empty() && !IsValidSiteName(options.name)) {
    return Status::InvalidArgument("--name '" + options.name + "' must match [a-z0-9-]+");
  }

  SiteProposal out;
  auto first = source.Get(*listing_url);
  if (!first.ok()) return first.status();
  out.seed = first->final_url;
  out.listing_pages.push_back(first->final_url);
  const std::string origin = ParseUrl(out.seed)->Origin();

  std::vector<std::unique_ptr<ProbeDom>> listings;
  std::vector<std::string> texts;
  listings.push_back(std::make_unique<ProbeDom>(first->html));
  texts.push_back(listings.back()->text());
  std::vector<ListingLink> links =
      CollectListingLinks(*listings.back(), out.seed, options.strip_params, 0);
  PaginationGuess pagination = FindPagination(links, out.seed, origin);
  std::vector<std::string> pages = pagination.pages;
  std::vector<std::string> evidence = pagination.evidence;
  std::set<std::string> listing_urls = {*listing_url, out.seed};

  if (!pagination.next.empty()) {
    auto second = source.Get(pagination.next);
    if (second.ok()) {
      out.listing_pages.push_back(second->final_url);
      listing_urls.insert(pagination.next);
      listing_urls.insert(second->final_url);
      listings.push_back(std::make_unique<ProbeDom>(second->html));
      texts.push_back(listings.back()->text());
      std::vector<ListingLink> more =
          CollectListingLinks(*listings.back(), second->final_url, options.strip_params, 1);
      PaginationGuess next = FindPagination(more, second->final_url, origin);
      for (const std::string& page : next.pages) {
        if (std::find(pages.begin(), pages.end(), page) == pages.end()) pages.push_back(page);
      }
      links.insert(links.end(), more.begin(), more.end());
    } else {
      out.warnings.push_back("could not read the next listing page: " + second.status().message());
    }
  }
  // Listing pages never count as adverts, whatever shape they share.
  pages.erase(std::remove_if(pages.begin(), pages.end(),
                             [&](const std::string& p) { return p == *listing_url || p == out.seed; }),
              pages.end());
  listing_urls.insert(pages.begin(), pages.end());

  const int pages_read = static_cast<int>(out.listing_pages.size());
  std::vector<LinkGroup> groups = GroupLinks(links, origin, listing_urls, pages_read);
  std::vector<std::size_t> chosen = ChooseAdvertGroups(groups);
  if (chosen.empty()) {
    return Status::NotFound("no repeated advert links found on " + out.seed +
                            ": give the URL of a page that lists adverts");
  }
  for (std::size_t g = 0; g < groups.size() && g < 6; ++g) {
    spdlog::debug("link group {} (score {:.2f}): {}", groups[g].pattern.Display(), groups[g].score,
                  groups[g].reason);
  }

  // Links of the listing pages that are not the chosen adverts: the
  // patterns must not take them, so narrow the patterns where that helps.
  std::set<std::string> chosen_urls;
  for (std::size_t g : chosen) chosen_urls.insert(groups[g].urls.begin(), groups[g].urls.end());
  std::vector<std::string> others;
  {
    std::set<std::string> seen;
    for (const ListingLink& link : links) {
      if (listing_urls.count(link.url) != 0 || chosen_urls.count(link.url) != 0) continue;
      if (seen.insert(link.url).second) others.push_back(link.url);
    }
  }
  std::set<std::string> stray;
  for (std::size_t g : chosen) {
    for (std::string& url : NarrowAgainst(&groups[g], others)) stray.insert(std::move(url));
    out.adverts.push_back(groups[g].pattern.Regex());
    spdlog::debug("advert group {}: {}", groups[g].pattern.Display(), groups[g].reason);
  }
  std::vector<std::unique_ptr<RE2>> advert_res;
  for (const std::string& regex : out.adverts) advert_res.push_back(std::make_unique<RE2>(regex));
  std::set<std::string> matched;
  for (const ListingLink& link : links) {
    if (listing_urls.count(link.url) != 0) continue;
    bool is_advert = std::any_of(advert_res.begin(), advert_res.end(), [&](const auto& re) {
      return RE2::FullMatch(link.url, *re);
    });
    if (is_advert) matched.insert(link.url);
  }
  out.advert_links = static_cast<int>(matched.size());
  for (std::size_t g : chosen) {
    const LinkGroup& group = groups[g];
    out.adverts_notes.push_back(std::to_string(group.urls.size()) + " advert links like " +
                                group.pattern.Display() + " on " +
                                std::to_string(group.listing_pages) + " listing page(s), e.g. " +
                                PathOf(group.urls.front(), origin) + " (" + group.reason + ")");
  }
  if (!stray.empty()) {
    out.warnings.push_back("the adverts pattern also matches " + std::to_string(stray.size()) +
                           " other link(s) on the listing, e.g. " + PathOf(*stray.begin(), origin) +
                           ": the crawl would take them for adverts; narrow the pattern by hand");
  }
  int disallowed = 0;
  std::string disallowed_example;
  for (const std::string& url : matched) {
    if (source.Allowed(url)) continue;
    if (disallowed++ == 0) disallowed_example = PathOf(url, origin);
  }
  if (disallowed > 0) {
    out.warnings.push_back(std::to_string(disallowed) + " advert link(s) are disallowed by " +
                           "robots.txt (e.g. " + disallowed_example +
                           "): the crawl will not fetch them");
  }

  std::string display;
  if (auto follow = PaginationRegex(pages, origin, &display)) {
    out.follow.push_back(*follow);
    out.follow_note = "listing pages like " + display + " (" + Join(evidence, ", ") + ")";
    RE2 re(*follow);
    int overlap = 0;
    for (const std::string& url : matched) overlap += RE2::FullMatch(url, re) ? 1 : 0;
    if (overlap > 0) {
      out.warnings.push_back("the follow pattern also matches " + std::to_string(overlap) +
                             " advert link(s); adverts take precedence");
    }
  } else {
    out.follow_note = "no pagination found: the crawl reads only the seed page for links";
  }

  // Sample adverts: the first ones the listing shows, as robots.txt allows.
  std::vector<std::unique_ptr<ProbeDom>> samples;
  std::vector<std::string> sample_html;
  int tries = 0;
  for (const std::string& url : groups[chosen.front()].urls) {
    if (static_cast<int>(samples.size()) >= options.samples || tries >= kMaxSampleTries) break;
    if (!source.Allowed(url)) continue;
    ++tries;
    auto page = source.Get(url);
    if (!page.ok()) {
      out.warnings.push_back("could not read sample advert: " + page.status().message());
      continue;
    }
    out.sample_urls.push_back(page->final_url);
    sample_html.push_back(page->html);
    samples.push_back(std::make_unique<ProbeDom>(page->html));
    texts.push_back(samples.back()->text());
  }

  if (options.kind.empty()) {
    out.kind = GuessKind(texts, &out.kind_reason);
  } else {
    out.kind = options.kind;
    out.kind_reason = "given";
  }
  out.name = options.name.empty() ? SiteNameFromUrl(out.seed) : options.name;

  if (samples.empty()) {
    out.warnings.emplace_back("no advert page could be read: no field selectors proposed");
  } else {
    std::vector<const ProbeDom*> doms;
    doms.reserve(samples.size());
    for (const auto& dom : samples) doms.push_back(dom.get());
    FieldProposalOptions field_options;
    field_options.kind = out.kind;
    field_options.gazetteer = options.gazetteer.get();
    out.fields = ProposeFields(doms, field_options);
    NoteStructuredData(sample_html, &out);
  }
  return out;
}

}  // namespace plainsight
