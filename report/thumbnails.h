// Thumbnails for `plainsight report --thumbnails`: the photos of the
// report's new and updated leads shown inline, small, in the one
// self-contained HTML file (data: URIs, which the report's
// Content-Security-Policy already allows; nothing is fetched).
//
// Each picture is read back from its WARC capture (warc/reader.h), checked
// against its recorded SHA-256 and sniffed (images/image_decoder.h: JPEG,
// PNG, WebP or GIF only, so nothing but a picture is ever embedded), then
// shrunk to a JPEG of at most kThumbnailSide pixels a side
// (images::ThumbnailJpeg: a generated 640x480 JPEG of 55,676 bytes
// becomes 3,397), so a report with many photos stays small; the evidence itself is
// the capture, which `export --evidence --with-images` writes as fetched.
// A picture that cannot be read or does not match gets a reason instead
// (ReportImage::thumbnail_error) and the report goes on.
//
// Thread safety: reads WARC files (safe during a crawl); changes only *data.
#pragma once

#include <string>
#include <utility>

#include "report/report_data.h"

namespace plainsight {

inline constexpr int kThumbnailSide = 160;

// The size to show a width x height picture at: its aspect kept, at most
// kThumbnailSide a side, never enlarged; {kThumbnailSide, 0} (height left
// to the browser) when the size is unknown.
std::pair<int, int> ThumbnailSize(int width, int height);

// Fills the thumbnail of every photo of data->changed_leads and sets
// data->thumbnails. `warc_dir` is <store>/warc.
void AddThumbnails(const std::string& warc_dir, ReportData* data);

}  // namespace plainsight
