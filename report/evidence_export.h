// Evidence pack for one lead (`plainsight export --lead ID --evidence DIR`):
// for each of the lead's adverts that has a WARC capture, the exact gzip
// member of its response record copied byte for byte (DIR/<advert>.warc.gz,
// itself a valid one-record WARC file) and its payload (DIR/<advert>.html),
// plus DIR/lead.json, DIR/manifest.json and DIR/SHA256SUMS (every other
// file with its SHA-256, in `sha256sum -c` format).
//
// Photos: manifest.json lists each photo the lead's adverts showed (image
// URL, advert, SHA-256, PDQ, WARC location). With include_images, each
// kept picture's bytes are read from its WARC capture, checked against its
// SHA-256 like the pages, and written as DIR/image-<sha256>.<ext> (listed
// in SHA256SUMS like every file).
//
// Integrity first: every capture is read back and its payload's SHA-256
// compared with the advert's recorded sha256 BEFORE anything is written; a
// mismatch, a missing recorded digest or an unreadable capture fails with
// Corruption naming the advert, and DIR is left untouched.
//
// Thread safety: reads the store and the WARC files (safe during a crawl);
// writes only under DIR. Do not run two exports into one DIR at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/advert.h"
#include "store/store.h"

namespace plainsight {

struct EvidenceRequest {
  std::string warc_dir;   // <store path>/warc
  std::string out_dir;    // created (0700) if missing
  std::string lead_json;  // the lead's contract JSON, written as lead.json
  std::int64_t now = 0;   // for the manifest
  bool include_images = false;  // write the photos' bytes too (`--with-images`)
};

struct EvidenceSummary {
  std::vector<std::string> exported;          // advert ids with a capture written
  std::vector<std::string> without_capture;   // advert ids with no WARC location
  std::vector<std::string> files;             // names written under out_dir
  std::vector<std::string> images;            // sha256 of each photo written
};

Result<EvidenceSummary> ExportEvidence(const Store& store, const LeadRecord& lead,
                                       const EvidenceRequest& request);

}  // namespace plainsight
