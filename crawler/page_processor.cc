#include "crawler/page_processor.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>

#include "core/sha256.h"
#include "core/strings.h"
#include "crawler/provisional_advert.h"
#include "crawler/sitemap.h"
#include "crawler/url.h"
#include "crawler/url_filter.h"

namespace plainsight {
namespace {

bool IsHtml(const std::string& content_type) {
  if (content_type.empty()) return true;  // sniffing is gumbo's job
  const std::string lower = ToLowerAscii(content_type);
  return lower.find("text/html") != std::string::npos ||
         lower.find("application/xhtml") != std::string::npos ||
         lower.find("text/plain") != std::string::npos;
}

void CountOutcome(UpsertOutcome outcome, SiteSummary& s) {
  switch (outcome) {
    case UpsertOutcome::kNew:
      ++s.adverts_new;
      break;
    case UpsertOutcome::kChanged:
      ++s.adverts_changed;
      break;
    case UpsertOutcome::kUnchanged:
      ++s.adverts_unchanged;
      break;
  }
}

// What the page's relative links resolve against: its <base href>, else
// where it was fetched from.
std::string PageBase(const Work& work, const std::string& base_href) {
  const std::string& page_url =
      work.result.final_url.empty() ? work.page.url : work.result.final_url;
  if (!base_href.empty()) {
    if (auto resolved = ResolveUrl(page_url, base_href)) return *resolved;
  }
  return page_url;
}

}  // namespace

void PageProcessor::Run() {
  while (auto work = state_.queue().Pop()) {
    Process(*work);
    state_.Processed();
    state_.env.fetcher.Wakeup();
  }
}

void PageProcessor::Process(Work& work) {
  if (work.page.role == PageRole::kImage) {
    images_.Process(work);
    return;
  }
  const FetchResult& r = work.result;
  const int site = work.page.site;
  if (work.page.role == PageRole::kAdvert && r.status != 404 && r.status != 410) {
    state_.MarkAdvertSeen(AdvertIdForUrl(work.page.AdvertUrl()));
  }
  const std::int64_t now = state_.env.clock.NowUnixSeconds();
  if (SettleWithoutContent(work, now)) return;
  if (work.page.role == PageRole::kSitemap) {
    ProcessSitemap(work);
    return;
  }
  if (!IsHtml(r.content_type)) {
    spdlog::info("skipping non-HTML {} ({})", r.url, r.content_type);
    state_.Count(site, [](SiteSummary& s) { ++s.skipped_content; });
    state_.CommitDone(work.page.url);
    return;
  }
  if (r.truncated) {
    spdlog::warn("body of {} cut at max_body_bytes ({} bytes)", r.url, r.body.size());
    state_.Count(site, [](SiteSummary& s) { ++s.truncated; });
    if (work.page.role == PageRole::kAdvert) {
      if (state_.WriteWarc(r)) state_.Count(site, [](SiteSummary& s) { ++s.warc_records; });
      state_.CommitDone(work.page.url);
      return;
    }
  }
  PageMeta meta{r.status, now, r.etag, r.last_modified, {}};
  PageCommit commit{work.page.url, {}, EncodePageMeta(meta), {}};
  const SiteRules& rules = state_.rules(site);
  SiteBoilerplate& chrome = state_.boilerplate(site);
  // While a site's profile is young, its pages are learnt and committed one
  // at a time, each commit carrying the profile as learnt so far: a killed
  // run's successor then starts from exactly the pages it will not fetch
  // again, neither missing nor counting twice any of them.
  std::unique_lock<Mutex> young;
  if (chrome.pages() < SiteBoilerplate::kSettledPages) {
    young = std::unique_lock<Mutex>(state_.young_site_mutex(site));
  }
  const bool provisional = chrome.pages() < SiteBoilerplate::kSettledPages;
  if (work.page.role == PageRole::kAdvert) {
    AdvertExtraction x = rules.extractor->Extract(r.body, r.content_type, state_.today(), &chrome);
    state_.NoteBoilerplate(site, provisional, &commit);
    std::vector<Pending> found = Discover(work, x.links, x.base_href, &commit);
    // Parsed before the site's chrome is known: extracted again at the end.
    StoreAdvert(work, std::move(x), now, provisional, std::move(meta), std::move(commit));
    state_.Publish(std::move(found));
  } else {
    std::string base_href, canonical;
    auto links =
        rules.extractor->ExtractLinks(r.body, r.content_type, &base_href, &canonical, &chrome);
    state_.NoteBoilerplate(site, provisional, &commit);
    std::vector<Pending> found = Discover(work, links, base_href, &commit);
    Status s = state_.env.store.CommitPage(commit);
    if (!s.ok()) spdlog::error("storing {}: {}", r.url, s.ToString());
    state_.Publish(std::move(found));
  }
}

bool PageProcessor::SettleWithoutContent(const Work& work, std::int64_t now) {
  const FetchResult& r = work.result;
  const int site = work.page.site;
  const std::string& advert_url = work.page.AdvertUrl();
  if (work.not_fetched || r.status == 304) {
    if (r.status == 304) {
      state_.Count(site, [](SiteSummary& s) {
        ++s.pages_fetched;
        ++s.pages_ok;
      });
    }
    if (work.page.role == PageRole::kAdvert) {
      (void)state_.env.store.TouchAdvert(AdvertIdForUrl(advert_url), now);
      state_.MarkAdvertUrlDone(advert_url);
    }
    state_.CommitDone(work.page.url);
    state_.Count(site, [](SiteSummary& s) { ++s.adverts_not_modified; });
    return true;
  }
  if (!r.error.empty()) {
    spdlog::warn("fetch failed: {}: {}", r.url, r.error);
    state_.NoteError(site, r.error, false);
    state_.CommitDone(work.page.url);
    return true;
  }
  state_.Count(site, [](SiteSummary& s) { ++s.pages_fetched; });
  if (r.status < 200 || r.status >= 300) {
    spdlog::warn("HTTP {} for {}", r.status, r.url);
    state_.NoteError(site, "HTTP " + std::to_string(r.status), true);
    if ((r.status == 404 || r.status == 410) && work.page.role == PageRole::kAdvert) {
      if (state_.env.store.MarkAdvertRemoved(AdvertIdForUrl(advert_url), now).ok()) {
        state_.Count(site, [](SiteSummary& s) { ++s.adverts_removed; });
      }
    }
    state_.CommitDone(work.page.url);
    return true;
  }
  state_.Count(site, [](SiteSummary& s) { ++s.pages_ok; });
  return false;
}

void PageProcessor::ProcessSitemap(Work& work) {
  SitemapUrls urls = ParseSitemap(work.result.body);
  std::vector<std::string> links = std::move(urls.pages);
  PageCommit commit{work.page.url, {}, "", {}};
  std::vector<Pending> found = Discover(work, links, "", &commit);
  for (const std::string& nested : urls.sitemaps) {
    auto url = NormalizeUrl(nested);
    if (url && state_.FirstSeen(*url))
      found.push_back(NewPending(*url, work.page.site, 0, PageRole::kSitemap));
  }
  (void)state_.env.store.CommitPage(commit);
  state_.Publish(std::move(found));
}

void PageProcessor::StoreAdvert(const Work& work, AdvertExtraction x, std::int64_t now,
                                bool provisional, PageMeta meta, PageCommit commit) {
  const FetchResult& r = work.result;
  const SiteRules& rules = state_.rules(work.page.site);
  AdvertRecord a;
  a.url = work.page.url;
  // A canonical URL on the same site names the advert, so tracking
  // variants of one page stay one advert.
  if (!x.canonical.empty()) {
    auto canonical = ResolveUrl(r.final_url.empty() ? a.url : r.final_url, x.canonical);
    auto here = ParseUrl(a.url);
    auto there = canonical ? ParseUrl(*canonical) : std::nullopt;
    if (here && there && IsSameSite(*here, *there) &&
        rules.Classify(*canonical) == PageRole::kAdvert) {
      a.url = *canonical;
    }
  }
  a.id = AdvertIdForUrl(a.url);
  state_.MarkAdvertSeen(a.id);
  if (a.url != work.page.url) {
    // The next run reads this and does not fetch the variant again once
    // the advert's own URL is done.
    meta.advert_url = a.url;
    commit.page_meta = EncodePageMeta(meta);
    if (state_.AdvertUrlDone(a.url)) {  // another URL of it was stored in this run
      state_.Count(work.page.site, [](SiteSummary& s) { ++s.canonical_duplicates; });
      Status s = state_.env.store.CommitPage(commit);
      if (!s.ok()) spdlog::error("storing {}: {}", r.url, s.ToString());
      return;
    }
  }
  std::vector<Pending> images = images_.Discover(work, a.id, PageBase(work, x.base_href), &commit);
  a.site = rules.site->name;
  a.kind = rules.site->kind;
  SetExtractedContent(std::move(x), &a);
  a.first_seen = now;
  a.last_seen = now;
  a.sha256 = Sha256Hex(r.body);
  if (provisional) {
    commit.meta.emplace_back(ProvisionalKey(a.id),
                             EncodeProvisionalPage({a.site, r.content_type, state_.today(), r.body}));
  }
  // Evidence is written once per distinct capture, not on every revisit.
  auto stored = state_.env.store.GetAdvertSummary(a.id);
  const bool same_capture = stored.ok() && stored->has_value() && (*stored)->sha256 == a.sha256;
  if (!same_capture && state_.WriteWarc(r, &a) && !a.warc_file.empty()) {
    state_.Count(work.page.site, [](SiteSummary& s) { ++s.warc_records; });
  }
  auto outcome = state_.env.store.UpsertAdvert(a, commit);
  if (!outcome.ok()) {
    spdlog::error("storing {}: {}", a.url, outcome.status().ToString());
    state_.Count(work.page.site, [](SiteSummary& s) { ++s.fetch_errors; });
    return;
  }
  state_.MarkAdvertUrlDone(a.url);
  state_.Count(work.page.site, [&](SiteSummary& s) { CountOutcome(*outcome, s); });
  state_.Publish(std::move(images));
}

std::vector<size_t> PageProcessor::SiteOrder(size_t first) const {
  std::vector<size_t> order{first};
  for (size_t i = 0; i < state_.site_count(); ++i) {
    if (i != first) order.push_back(i);
  }
  return order;
}

std::vector<Pending> PageProcessor::Discover(const Work& work, const std::vector<std::string>& links,
                                             const std::string& base_href, PageCommit* commit) {
  const std::string base = PageBase(work, base_href);
  const SiteConfig& own = *state_.rules(work.page.site).site;
  std::vector<Pending> candidates;
  int traps = 0;
  const std::vector<size_t> order = SiteOrder(static_cast<size_t>(work.page.site));
  for (const std::string& href : links) {
    auto resolved = ResolveUrl(base, href);
    if (!resolved) continue;
    std::string url = StripQueryParams(*resolved, own.crawl.strip_params);
    const UrlVerdict verdict = CheckUrlTraps(url, static_cast<size_t>(own.crawl.max_url_length));
    if (verdict != UrlVerdict::kOk) {
      ++traps;
      spdlog::debug("skipping {}: {}", url, UrlVerdictName(verdict));
      continue;
    }
    // The page's own site first, then any other configured site.
    for (size_t i : order) {
      const SiteRules& rules = state_.rules(static_cast<int>(i));
      const PageRole role = rules.Classify(url);
      if (role == PageRole::kNone) continue;
      // A listing's link to another listing of the same site (its next
      // page) is not a hop: a board's pagination runs to hundreds of
      // pages, and the barren-listing rule below stops an endless chain.
      const bool next_listing = role == PageRole::kFollow &&
                                work.page.role == PageRole::kFollow &&
                                static_cast<int>(i) == work.page.site;
      const int depth = next_listing ? work.page.depth : work.page.depth + 1;
      if (depth <= rules.site->max_depth) {
        candidates.push_back(NewPending(url, static_cast<int>(i), depth, role));
      }
      break;
    }
  }
  std::vector<Pending> fresh;
  int new_adverts = 0;
  for (Pending& p : candidates) {
    if (!state_.FirstSeen(p.url)) continue;
    if (p.role == PageRole::kAdvert) ++new_adverts;
    fresh.push_back(std::move(p));
  }
  // Endless pagination: after N listing pages in a row that add no advert,
  // stop following listing links for this site.
  if (work.page.role == PageRole::kFollow) {
    const int streak = state_.NoteListing(work.page.site, new_adverts > 0);
    if (streak >= own.crawl.max_barren_listing_pages) {
      auto end = std::remove_if(fresh.begin(), fresh.end(),
                                [](const Pending& p) { return p.role == PageRole::kFollow; });
      traps += static_cast<int>(fresh.end() - end);
      if (end != fresh.end()) {
        spdlog::warn("site {}: {} listing pages in a row added no advert; not following more",
                     own.name, streak);
      }
      fresh.erase(end, fresh.end());
    }
  }
  if (traps > 0) state_.Count(work.page.site, [&](SiteSummary& s) { s.traps_skipped += traps; });
  for (const Pending& p : fresh) {
    commit->discovered.push_back(FrontierEntryFor(p, state_.rules(p.site).site->name));
  }
  return fresh;
}

}  // namespace plainsight
