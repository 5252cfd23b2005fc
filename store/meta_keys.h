// The store's meta family, key by key: every prefix, the module that owns
// it (the only one that writes it), and what its value holds. The one place
// to look before adding a key; a new prefix goes here first. Keys are
// "<prefix>\x1f<rest>" (unit separator: never in a URL, id or site name).
//
// The frontier keeps its own family ("f\x1f<url>" entry, "d\x1f<url>" done;
// store/rocksdb_store.cc), as do adverts, entities, leads, pages and
// summaries: none of them is a meta key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace plainsight::meta_keys {

// store: the summaries family's format once every advert has a summary
// ("Y2"), and the record schema version (decimal).
inline constexpr char kStoreSummaries[] = "store\x1fsummaries";
inline constexpr char kStoreSchema[] = "store\x1fschema";

// crawler/robots_cache.cc, + origin ("https://host:port"): robots.txt as
// fetched, JSON {"fetched_at", "status", "body"}; read for 24 hours.
inline constexpr char kRobots[] = "robots\x1f";
// crawler/crawl_state.cc, + site name: the site's chrome profile as learnt
// so far (SiteBoilerplate::Serialize).
inline constexpr char kBoilerplate[] = "boilerplate\x1f";
// crawler/provisional_advert.cc, + advert id: a page extracted before its
// site's chrome settled, to extract again (EncodeProvisionalPage).
inline constexpr char kProvisional[] = "provisional\x1f";
// crawler/crawler.cc: unix seconds (decimal) at which the crawl run that has
// not finished yet started; absent between runs.
inline constexpr char kRunStarted[] = "run\x1fstarted";

// store/image_record.cc (written by the crawler through PageCommit::meta):
// + sha256, one picture kept once (EncodeStoredImage, JSON);
// + advert id + "\x1f" + image URL, one image an advert's page showed
// (EncodeAdvertImage, JSON); + sha256 + "\x1f" + advert id, "" (which
// adverts list a picture, so the last one deleted takes the picture too).
inline constexpr char kImage[] = "image\x1f";
inline constexpr char kAdvertImage[] = "advert-image\x1f";
inline constexpr char kImageRef[] = "image-ref\x1f";

// leads/corpus.cc, + site name: the site's chrome lines and house style
// (SiteChrome::Encode), with a hash of the sample they came from.
inline constexpr char kChrome[] = "chrome\x1f";
// leads/corpus.cc, + site: the site's chrome sample now (kChromeSample)
// and the one its kept chrome was learnt from (kChromePin): a line of the
// options, then a line per advert, "<id> <body hash, 16 hex>".
inline constexpr char kChromeSample[] = "chrome-sample\x1f";
inline constexpr char kChromePin[] = "chrome-pin\x1f";
// leads/corpus.cc, + advert id: the advert's text signature (MinHash and
// shingles), with a hash of the body it was made from.
inline constexpr char kSignature[] = "sig\x1f";
// leads/corpus.cc, + site name: unix seconds (decimal) of the site's first
// crawl, the earliest first_seen of any of its adverts ever stored (only
// ever lowered, so retention does not move it).
inline constexpr char kFirstCrawl[] = "first-crawl\x1f";
// leads/corpus.cc: adverts in the corpus at the last correlation (decimal).
inline constexpr char kAdvertCount[] =
    "leads\x1f"
    "advert_count";
// leads/template_index.cc: the near-duplicate template index
// (template_index.h). kTemplateIndexState: "ready 2 <length> <bands>
// <threshold>" once written whole (absent or "building" otherwise; "2"
// is the format). kTemplateSignature + advert id: its 16-bit signature as
// indexed (values little-endian). kTemplateBucket + band (1 byte) + bucket
// key (8 bytes, big-endian): the ids in the bucket, ascending,
// "\x1f"-joined (one key per bucket, so a read is a point lookup the
// bloom filter answers). kTemplateClusterOf + advert id: the first id of
// its cluster (adverts in clusters of two or more).
// kTemplateCluster + first id: the cluster's ids ascending, "\x1f"-joined.
// Every index key starts kTemplateIndexKeys; the state sorts outside them,
// so the table file an index is written as overlaps no key in memory and
// lands in the bottom level (before, "tpl-index\x1fstate", cleared with
// the index).
inline constexpr char kTemplateIndexState[] = "tpl\x1fstate";
inline constexpr char kTemplateIndexKeys[] = "tpl-";
inline constexpr char kTemplateSignature[] = "tpl-sig\x1f";
inline constexpr char kTemplateBucket[] = "tpl-bucket\x1f";
inline constexpr char kTemplateClusterOf[] = "tpl-of\x1f";
inline constexpr char kTemplateCluster[] = "tpl-cluster\x1f";
// leads/link_counts.cc: the counts the store-wide link decisions rest on
// (link_counts.h). kLinkDigest + advert id: what the counts hold of the
// advert (site, entity keys, indicator wordings; length-prefixed).
// kLinkSite + site: its adverts (decimal). kLinkEntity + entity key
// ("phone +44…"): its holders per site (length-prefixed site, count).
// kLinkWording + site + "\x1f" + indicator id + "\x1f" + match: the site's
// adverts with that wording (decimal). kLinkCountsState: "ready" once a
// recount is written whole.
inline constexpr char kLinkCountsState[] = "link-counts\x1fstate";
// leads/correlate.cc: "clean" and the lead settings once a run has left
// the counts, the template index and the leads in step; "dirty" while a
// run moves them (a run that finds it so is full).
inline constexpr char kIncrementalState[] = "incremental\x1fstate";
inline constexpr char kLinkDigest[] = "link-digest\x1f";
inline constexpr char kLinkSite[] = "link-site\x1f";
inline constexpr char kLinkEntity[] = "link-entity\x1f";
inline constexpr char kLinkWording[] = "link-wording\x1f";
// + site + "\x1f" + count (8 bytes, big-endian) + entity key: "" for each
// entity on the site, so the entities whose share of a site crosses a
// threshold when its total moves are a range of counts.
inline constexpr char kLinkSiteEntity[] = "link-site-entity\x1f";
// + site + "\x1f" + count (8 bytes, big-endian) + indicator id + "\x1f" +
// match: "" for each wording on the site, as kLinkSiteEntity for entities.
inline constexpr char kLinkSiteWording[] = "link-site-wording\x1f";
// + entity key's length (LEB128) + entity key + advert id: "" for each
// advert holding the entity (the adverts a unit reaches through it).
inline constexpr char kLinkHolder[] = "link-holder\x1f";
// leads/review.cc, + lead id + "\x1f" + at (16 hex) + "\x1f" + sequence
// (8 hex): one analyst decision, JSON {"lead", "status", "note",
// "analyst", "at", "previous_status"}.
inline constexpr char kReview[] = "review\x1f";
// places/place_review.cc, + place id + "\x1f" + at (16 hex) + "\x1f" +
// sequence (8 hex): one analyst decision on a place, JSON {"place",
// "status", "note", "analyst", "at", "previous_status", "adverts"}
// (adverts: how many the place had when decided, for "updated").
inline constexpr char kPlaceReview[] = "place-review\x1f";
// store/review_journal.cc, + journal entry id: "" once a decision queued in
// <store>/reviews.journal during a run is applied, written in the same
// atomic write as the decision (so it is applied exactly once).
inline constexpr char kJournalApplied[] = "journal-applied\x1f";

// store/rocksdb_store.cc: the lead of each advert a stored lead lists,
// kept in step with the leads family in the same atomic writes
// (ReplaceLeads, PatchLeads, PutLead), so an incremental correlation finds
// the earlier leads its adverts touch without scanning every lead.
// kLeadOf + advert id: the lead id. kLeadIndexState: the stored leads
// (decimal), present once a ReplaceLeads has written the index whole
// (a store from before the index gets it at its next full correlation).
inline constexpr char kLeadOf[] = "lead-of\x1f";
inline constexpr char kLeadIndexState[] = "lead-index\x1fleads";

// store/rocksdb_store.cc, + advert id: the advert changed in a way
// correlation must hear of since the last correlation; the value names how
// ("new", "changed", "re-extracted", "removed", "back", "deleted", "photo"
// for a photo of the advert fetched or given up), then
// "\x1f" and a stamp (16 hex) unique to the write. Written in the same
// atomic write as the change; leads/correlate.cc deletes the entries it
// read once the leads they fed are written, unless the stamp moved.
inline constexpr char kChanged[] = "changed\x1f";

inline std::string ChangeValue(const char* how, std::uint64_t stamp) {
  static const char kHex[] = "0123456789abcdef";
  std::string value = how;
  value += '\x1f';
  for (int shift = 60; shift >= 0; shift -= 4) value += kHex[(stamp >> shift) & 0xf];
  return value;
}

// How a change-log value says the advert changed (without its stamp).
inline std::string ChangeKind(const std::string& value) {
  return value.substr(0, value.find('\x1f'));
}

// The analyst decisions on one lead or place: `family` (kReview or
// kPlaceReview) + the subject's id + "\x1f", the prefix that lists them.
inline std::string DecisionPrefix(const char* family, const std::string& subject_id) {
  return family + subject_id + "\x1f";
}

// One decision's key: DecisionPrefix + at (16 hex) + "\x1f" + sequence (8
// hex), so the decisions list oldest first and two in the same second do
// not overwrite each other.
inline std::string DecisionKey(const char* family, const std::string& subject_id, std::int64_t at,
                               std::size_t sequence) {
  char suffix[40];
  std::snprintf(suffix, sizeof suffix, "%016llx\x1f%08zx", static_cast<unsigned long long>(at),
                sequence);
  return DecisionPrefix(family, subject_id) + suffix;
}

}  // namespace plainsight::meta_keys
