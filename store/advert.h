// AdvertRecord: one stored advert with what was extracted from it, and the
// LeadRecord that groups adverts. Plain values; no behaviour beyond identity.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plainsight {

struct IndicatorRecord {
  std::string id;
  std::string category;
  double weight = 0;
  std::string match;  // the text that matched, as written in the advert
};

struct PayRecord {
  double amount = 0;  // for a range, its lower bound
  std::string per;    // hour, day, shift, week, month, year, total
  std::optional<double> hourly;  // the lower bound's hourly rate, when hours are known
  std::string match;
  std::optional<double> amount_max;  // a range's upper bound; nullopt for one amount
  std::string currency = "GBP";      // ISO 4217
  bool up_to = false;                // "up to £X": a ceiling
};

struct AdvertRecord {
  std::string id;  // AdvertIdForUrl(url)
  std::string url;
  std::string site;
  std::string kind;  // "jobs" | "adult"
  std::string title;
  std::string text;      // visible text used for matching
  std::string location;  // from a field selector or structured data
  std::string posted;    // as the page gives it
  std::int64_t first_seen = 0;  // unix seconds
  std::int64_t last_seen = 0;
  std::string sha256;  // of the fetched body, as received
  std::vector<std::string> phones;     // E.164
  std::vector<std::string> emails;     // lower-case
  std::vector<std::string> handles;    // "whatsapp:+447700900123", "telegram:@name"
  std::string company;                 // from the site's company field
  std::vector<std::string> postcodes;  // "NN1 1AA"
  std::vector<std::string> addresses;  // "14 MILL ROAD"
  std::vector<std::string> towns;
  std::vector<IndicatorRecord> indicators;
  std::vector<PayRecord> pay;
  bool removed = false;
  std::int64_t removed_at = 0;
  // Where the capture is kept as WARC evidence (under <store>/warc).
  std::string warc_file;
  std::uint64_t warc_offset = 0;
  std::uint64_t warc_length = 0;
};

// Stable, URL-derived advert identity: "A-" + 16 hex digits of SHA-256(url).
std::string AdvertIdForUrl(const std::string& normalized_url);

// One thing a lead's adverts share (CONTRACT.md "links"): strong links
// (phone, e-mail, full address) build leads; weak ones (template,
// postcode, consecutive phones) only add to a lead's score, or join
// adverts when a template carries risk (leads/link_graph.h).
struct LeadLink {
  std::string type;      // "phone", "email", "handle", "image", "address", "template", "postcode", "consecutive phones"
  std::string value;     // "+447700900123", or a description for a template
  std::string strength;  // "strong" or "weak"
  size_t adverts = 0;    // adverts of the lead holding it
  bool joined = false;   // it joined adverts into this lead
};

struct LeadRecord {
  std::string id;  // "L-…"
  double score = 0;
  std::string status = "new";  // new, updated, reviewed, escalated, dismissed
  std::vector<std::string> reasons;
  std::vector<double> reason_points;  // parallel to reasons; they sum to score
  std::vector<std::string> advert_ids;
  std::vector<std::string> phones;
  std::vector<std::string> emails;
  std::vector<std::string> postcodes;
  std::vector<std::string> handles;  // messaging names that link its adverts
  // Photos its adverts share: "pdq:<64 hex>" of each cluster's
  // representative hash (leads/image_links.h).
  std::vector<std::string> images;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::vector<std::string> merged_from;  // earlier lead ids folded into this one
  std::vector<std::string> addresses;    // street addresses its adverts share
  // Contacts shown but not used to link (hubs, see leads/correlate.h).
  std::vector<std::string> hubs;
  // The lead this one split from, when an earlier lead broke apart and the
  // larger part kept the id.
  std::string split_from;
  // Near-duplicate wording (leads/template_diff.h): the shared text with
  // "{N}" slots, and slot N's distinct values at template_slots[N-1].
  std::string template_text;
  std::vector<std::vector<std::string>> template_slots;
  std::vector<LeadLink> links;
};

}  // namespace plainsight
