#include "cli/image_view.h"

#include <algorithm>

#include <cstdio>

namespace plainsight::cli {

using nlohmann::json;

json PhotoMatchJson(const PhotoMatch& m) {
  return {{"advert_id", m.advert_id},
          {"url", m.advert_url},
          {"image_url", m.image_url},
          {"sha256", m.sha256},
          {"distance", m.distance},
          {"orientation", OrientationName(m.orientation)}};
}

void PrintPhotoMatches(std::ostream& out, const std::vector<PhotoMatch>& matches) {
  if (matches.empty()) {
    out << "no advert shows a matching photo\n";
    return;
  }
  out << "distance  advert              url\n";
  for (const PhotoMatch& m : matches) {
    char distance[16];
    std::snprintf(distance, sizeof distance, "%8d", m.distance);
    out << distance << "  " << m.advert_id << "  " << m.advert_url << "\n"
        << "          image " << m.image_url;
    if (m.orientation != images::Dihedral::kOriginal) {
      out << "  (matched " << OrientationPhrase(m.orientation) << ")";
    }
    out << "\n";
  }
}

json AdvertPdqEntities(const std::vector<AdvertPhoto>& photos) {
  json out = json::array();
  for (const AdvertPhoto& p : photos) {
    if (!p.picture || p.picture->pdq.empty()) continue;
    const std::string value = "pdq:" + p.picture->pdq;
    if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
  }
  return out;
}

json AdvertPhotosJson(const std::vector<AdvertPhoto>& photos, PhotoMatches with) {
  json out = json::array();
  for (const AdvertPhoto& p : photos) {
    json item = {{"url", p.image.url}, {"order", p.image.order}, {"sha256", p.image.sha256}};
    if (!p.image.error.empty()) item["error"] = p.image.error;
    if (p.picture) {
      const StoredImage& s = *p.picture;
      item["pdq"] = s.pdq.empty() ? json(nullptr) : json("pdq:" + s.pdq);
      item["quality"] = s.quality;
      item["width"] = s.width;
      item["height"] = s.height;
      item["format"] = s.format;
      item["bytes"] = s.bytes;
      if (!s.warc_file.empty()) {
        item["warc"] = {{"file", s.warc_file}, {"offset", s.warc_offset}, {"length", s.warc_length}};
      }
    }
    if (with == PhotoMatches::kWithMatches) {
      json matches = json::array();
      for (const PhotoMatch& m : p.matches) matches.push_back(PhotoMatchJson(m));
      item["matches"] = std::move(matches);
    }
    out.push_back(std::move(item));
  }
  return out;
}

void PrintAdvertPhotos(std::ostream& out, const std::vector<AdvertPhoto>& photos) {
  for (const AdvertPhoto& p : photos) {
    out << "  image:      " << p.image.url << "\n";
    if (!p.picture) {
      out << "              not kept" << (p.image.error.empty() ? "" : ": " + p.image.error)
          << "\n";
      continue;
    }
    const StoredImage& s = *p.picture;
    out << "              sha256 " << s.sha256 << ", " << s.width << "x" << s.height << " "
        << s.format << ", PDQ quality " << s.quality
        << (s.quality < images::kPdqMinUsableQuality ? " (too flat to match)" : "") << "\n"
        << "              pdq:" << s.pdq << "\n";
    if (!s.warc_file.empty()) {
      out << "              evidence: warc/" << s.warc_file << " @ " << s.warc_offset << " (+"
          << s.warc_length << " bytes)\n";
    }
    for (const PhotoMatch& m : p.matches) {
      out << "              same photo (distance " << m.distance << ") in " << m.advert_id << " "
          << m.advert_url << "\n";
    }
  }
}

}  // namespace plainsight::cli
