#include "report/thumbnails.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/base64.h"
#include "images/image_decoder.h"
#include "warc/reader.h"

namespace plainsight {
namespace {

struct Thumbnail {
  std::string uri;
  std::string error;
};

Thumbnail ReadThumbnail(const std::string& warc_dir, const ReportImage& image) {
  if (image.warc_file.empty()) return {"", "no evidence capture"};
  WarcLocation location;
  location.file = image.warc_file;
  location.offset = image.warc_offset;
  location.length = image.warc_length;
  auto record = ReadWarcRecord(warc_dir, location);
  if (!record.ok()) return {"", "cannot read its capture: " + record.status().message()};
  if (record->payload_sha256 != image.sha256) return {"", "its capture does not match its SHA-256"};
  const auto format = images::SniffImageFormat(record->payload);
  if (!format) return {"", "its capture is not a JPEG, PNG, WebP or GIF picture"};
  auto small = images::ThumbnailJpeg(record->payload, kThumbnailSide);
  if (!small.ok()) return {"", "cannot make its thumbnail: " + small.status().message()};
  return {"data:image/jpeg;base64," + Base64Encode(*small), ""};
}

}  // namespace

std::pair<int, int> ThumbnailSize(int width, int height) {
  if (width <= 0 || height <= 0) return {kThumbnailSide, 0};
  const double longer = static_cast<double>(std::max(width, height));
  const double scale = std::min(1.0, static_cast<double>(kThumbnailSide) / longer);
  return {std::max(1, static_cast<int>(std::lround(width * scale))),
          std::max(1, static_cast<int>(std::lround(height * scale)))};
}

void AddThumbnails(const std::string& warc_dir, ReportData* data) {
  std::map<std::string, Thumbnail> read;  // by SHA-256: each picture read once
  for (ReportLead& lead : data->changed_leads) {
    for (ReportImage& image : lead.images) {
      auto it = read.find(image.sha256);
      if (it == read.end()) it = read.emplace(image.sha256, ReadThumbnail(warc_dir, image)).first;
      image.thumbnail = it->second.uri;
      image.thumbnail_error = it->second.error;
      std::tie(image.thumbnail_width, image.thumbnail_height) =
          ThumbnailSize(image.width, image.height);
    }
  }
  data->thumbnails = true;
}

}  // namespace plainsight
