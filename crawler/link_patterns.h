// Link patterns: which links on a site's listing pages are its adverts.
//
// The site probe collects every link of one or two listing pages with its
// context (CollectListingLinks): the anchor text, whether it sits in the
// page's chrome (nav, header, footer, aside, menus, share bars) and a short
// signature of the elements around it. GroupLinks then sorts the site's own
// links into URL templates (site_probe_url_template.h): links of one
// skeleton are split where a position's values live in different page
// contexts ("view.html?id=N" in the title cell, "reply.html?id=N" in the
// actions cell) or have different shapes ("7781-chef.html" vs
// "about.html"), and generalised where they do not (an agency slug that
// repeats across cards stays one group). Each group is scored as an advert
// candidate: many distinct links with distinct, title-like anchor texts,
// outside the chrome, not repeated on every listing page, with an id in the
// URL and no login/category/share words in its literal parts.
//
// Pure functions over parsed pages; thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "crawler/site_probe_dom.h"
#include "crawler/site_probe_url_template.h"

namespace plainsight {

struct ListingLink {
  std::string url;      // resolved, normalised, tracking parameters stripped
  std::string text;     // anchor text (an image's alt or the title attribute when empty)
  std::string rel;      // lower case
  std::string context;  // "div.job-card>h2.job-card__title>a": the link and three ancestors
  bool chrome = false;  // inside nav, header, footer, aside or a menu-like block
  int page = 0;         // which listing page it was found on (0 = the first)
};

// Every <a>/<area> with an http(s) href and every <link rel=next|prev> of
// `dom`, fetched from `page_url`, in document order. `strip_params` is the
// crawl's (so links compare as the crawler will see them).
std::vector<ListingLink> CollectListingLinks(const ProbeDom& dom, const std::string& page_url,
                                             const std::vector<std::string>& strip_params,
                                             int page_index);

struct LinkGroup {
  UrlTemplate pattern;
  std::vector<std::string> urls;   // distinct, in first-seen order
  std::vector<std::string> texts;  // the longest anchor text of each url
  std::set<std::string> contexts;
  int listing_pages = 0;           // listing pages that hold at least one of its links
  double score = 0;                // as an advert candidate; higher is likelier
  std::string reason;              // what the score rests on, for people
};

// Groups the links on `origin` (other sites' links and URLs in `exclude`,
// such as the listing pages themselves, are left out), best advert
// candidate first. `pages` is the number of listing pages the links came
// from.
std::vector<LinkGroup> GroupLinks(const std::vector<ListingLink>& links, const std::string& origin,
                                  const std::set<std::string>& exclude, int pages);

// The advert groups among `ranked` (GroupLinks' order): the best, plus any
// other that sits in the same page context (a second URL form in the same
// result cards or table column) and scores at least a tenth as well.
// Indices into `ranked`; empty when no group looks like adverts.
std::vector<std::size_t> ChooseAdvertGroups(const std::vector<LinkGroup>& ranked);

// Narrows `group`'s pattern so it stops matching `others` (links of the
// listing it must not take) where it can: at a slug position where every
// slug of the group has more hyphenated words than any of theirs, one word
// more than theirs is required ("/jobs/warehouse-operative-corby" against
// the menu's "/jobs/warehouse"). Returns the links of `others` still matched.
std::vector<std::string> NarrowAgainst(LinkGroup* group, const std::vector<std::string>& others);

}  // namespace plainsight
