// The site probe: from one listing page of a site, a ready `[[sites]]`
// config (issue 13 item 6). `plainsight site probe URL` runs it.
//
// ProbeSite reads the listing page, finds its pagination
// (site_probe_pagination.h) and reads the next listing page too; groups
// the links of both by URL template and picks the advert links
// (link_patterns.h); reads the first three advert pages it may fetch and
// proposes field selectors from them (field_proposals.h). The proposal's
// `adverts` regexes match every advert link of the listing pages read and
// no other link on them; `follow` matches the listing's other pages and no
// advert. Every page comes through a ProbePageSource
// (site_probe_source.h), which keeps robots.txt and the crawl's politeness;
// the probe asks for at most 2 listing pages and 6 advert pages.
//
// RenderSiteToml (site_probe_toml.h) prints the proposal.
//
// Not thread-safe per call (the source is used from the calling thread);
// separate calls share nothing.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "crawler/field_proposals.h"
#include "crawler/site_probe_source.h"
#include "extractors/gazetteer.h"

namespace plainsight {

struct ProbeOptions {
  std::string listing_url;
  std::string kind;  // "jobs" or "adult"; "" = guess from the pages
  std::string name;  // [a-z0-9-]+; "" = from the host
  std::vector<std::string> strip_params = {"utm_*", "ref", "sort"};  // the crawl's
  std::shared_ptr<const Gazetteer> gazetteer;  // towns for the location field; may be null
  int samples = 3;                             // advert pages to read
};

struct SiteProposal {
  std::string name;
  std::string kind;
  std::string kind_reason;  // "given", or what the guess rests on
  std::string seed;         // the listing URL as fetched
  std::vector<std::string> adverts;  // RE2, full URL
  std::vector<std::string> follow;   // RE2, full URL
  std::vector<std::string> adverts_notes;  // one line per advert pattern: what it matched
  std::string follow_note;                 // what the pagination rests on
  int advert_links = 0;                    // distinct advert links on the listing pages read
  std::vector<std::string> listing_pages;  // URLs read
  std::vector<std::string> sample_urls;    // advert pages read
  std::vector<FieldProposal> fields;
  std::vector<std::string> warnings;       // printed as comments and on stderr
  std::vector<std::string> notes;          // printed as comments only
};

// InvalidArgument for a bad URL or name; the source's error when the
// listing page cannot be read; NotFound when the page has no repeated
// advert-like links.
Result<SiteProposal> ProbeSite(const ProbeOptions& options, ProbePageSource& source);

// "jobs" or "adult" from the text of a site's pages: pay, vacancy and
// employer words against age, "new in town", companion and rates words.
// `reason` receives the counts.
std::string GuessKind(const std::vector<std::string>& texts, std::string* reason);

// A config name from a URL's host: "https://www.jobs.example.org/" ->
// "jobs-example-org"; an IP literal keeps its port ("127-0-0-1-8080").
std::string SiteNameFromUrl(const std::string& url);

// Whether `name` is a valid site name ([a-z0-9-]+).
bool IsValidSiteName(const std::string& name);

}  // namespace plainsight
