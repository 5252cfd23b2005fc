// Pagination on a listing page: which links lead to the listing's other
// pages, and one `follow` regex that covers them.
//
// A link is a listing page when it says so: rel="next"/"prev" (on <a> or
// <link>), an anchor reading "Next", "Next page", "Older", "›", "»", ">"
// (or "Previous", "‹", "«"), or an anchor whose whole text is a page number.
// Of these, only links of one shape count: the next page's, with digit runs
// ignored ("page2.html" and "page3.html" share it; "index.html", which a
// page 2 links as page 1, does not, and is the seed anyway).
//
// PaginationRegex keeps every part of those URLs literal except digit runs
// that differ between them (or, for a lone next page, its page number):
// "/search?page=2", "/search?page=3" -> ^http://host/search\?page=\d+$;
// "/listings?start=20" -> ^http://host/listings\?start=\d+$.
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crawler/link_patterns.h"

namespace plainsight {

struct PaginationGuess {
  std::vector<std::string> pages;     // other listing pages linked, first-seen order
  std::string next;                   // the page after this one; "" when none is linked
  std::vector<std::string> evidence;  // "rel=next", "'Next ›' link", "page numbers 2-3"
};

// From the links of one listing page, fetched as `page_url`, on `origin`.
PaginationGuess FindPagination(const std::vector<ListingLink>& links, const std::string& page_url,
                               const std::string& origin);

// The follow regex over listing page URLs of one origin (as FindPagination
// gives them); nullopt for none. `display` receives the path with "{n}"
// for the page number.
std::optional<std::string> PaginationRegex(const std::vector<std::string>& pages,
                                           const std::string& origin, std::string* display);

}  // namespace plainsight
