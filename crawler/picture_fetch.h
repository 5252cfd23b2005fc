// FetchPicture: `plainsight query --image URL`, the picture an analyst
// names by URL fetched once, as politely as the crawl would fetch it:
// through PoliteFetch (crawler/polite_fetch.h: robots.txt obeyed, the
// crawl's user agent and per-host delay, TLS verification on, private and
// loopback addresses refused unless allow_private_addresses), its body
// capped at max_image_bytes like an advert photo's. A picture cut at the
// cap is refused, as the crawler refuses it ("over max_image_bytes"); what
// the bytes are is the decoder's business (images/image_decoder.h sniffs
// them).
//
// Errors: PoliteFetch's (robots.txt, HTTP status, transfer), and
// InvalidArgument for a picture over max_image_bytes. Blocks for the
// fetches (robots.txt, then the picture); call from one thread.
#pragma once

#include <memory>
#include <string>

#include "core/crawl_settings.h"
#include "core/status.h"
#include "crawler/fetcher.h"

namespace plainsight {

// The picture's bytes as served (decompressed). `fetcher` may be null: a
// libcurl fetcher is made.
Result<std::string> FetchPicture(const CrawlSettings& crawl, const std::string& url,
                                 std::unique_ptr<Fetcher> fetcher = nullptr);

}  // namespace plainsight
