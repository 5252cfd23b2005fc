// PageMeta: what the store keeps about one fetched page beside the frontier
// (PageCommit::page_meta): when it was fetched, its validators for the next
// revalidation, and the URL its advert is stored under when the page named
// a canonical URL. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace plainsight {

struct PageMeta {
  long status = 0;
  std::int64_t fetched_at = 0;
  std::string etag;
  std::string last_modified;
  std::string advert_url;  // empty: not an advert, or stored under its own URL
};

std::string EncodePageMeta(const PageMeta& meta);
// Nothing when the bytes are not a page meta record.
std::optional<PageMeta> DecodePageMeta(const std::string& bytes);

}  // namespace plainsight
