// How a demo site's pages are kept as files. Shared by the exporter that
// writes them (tests/farm/tools/farm_export.cc) and StaticSiteServer that
// serves them, so the two cannot disagree.
//
// A request target names a file under the site's folder: "/" (and any
// target ending in "/") gains "index.html", and the query stays in the file
// name with its "?" written "%3F" ("/listings?page=2" is
// "listings%3Fpage=2"), because listing pages differ only by query.
//
// Some pages carry the site's own absolute URL (absolute links, canonical
// links, the sitemap). Ports are picked when the sites are served, so files
// hold kBaseUrlToken there instead and the server writes in its
// "http://127.0.0.1:PORT".
//
// Pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace plainsight::demo {

inline constexpr char kBaseUrlToken[] = "{{base_url}}";

// The file's path relative to the site's folder, or "" when the target
// cannot name one: not starting with "/", an empty, "." or ".." segment
// (which could reach outside the folder), a backslash or a NUL.
std::string FileForTarget(std::string_view target);

// The Content-Type a file is served with: ".txt" as UTF-8 plain text, ".xml"
// as UTF-8 XML, anything else as HTML in the site's `html_charset`.
std::string ContentTypeFor(std::string_view file, std::string_view html_charset);

}  // namespace plainsight::demo
