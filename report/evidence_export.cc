#include "report/evidence_export.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/clock.h"
#include "core/sha256.h"
#include "store/image_record.h"
#include "warc/reader.h"

namespace plainsight {
namespace {

struct Capture {
  AdvertRecord advert;
  std::string member;   // the gzip member, byte for byte
  std::string payload;  // the response body
};

Result<std::string> ReadBytes(const std::string& path, std::uint64_t offset, std::uint64_t length) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  in.seekg(static_cast<std::streamoff>(offset));
  std::string bytes(static_cast<size_t>(length), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(length));
  if (!in || static_cast<std::uint64_t>(in.gcount()) != length) {
    return Status::Corruption(path + ": short read at offset " + std::to_string(offset));
  }
  return bytes;
}

Result<Capture> ReadVerifiedCapture(const std::string& warc_dir, const AdvertRecord& advert) {
  WarcLocation location;
  location.file = advert.warc_file;
  location.offset = advert.warc_offset;
  location.length = advert.warc_length;
  auto record = ReadWarcRecord(warc_dir, location);
  if (!record.ok()) {
    return Status::Corruption("advert " + advert.id + ": cannot read its WARC capture (" +
                              record.status().ToString() + ")");
  }
  if (advert.sha256.empty()) {
    return Status::Corruption("advert " + advert.id + ": no recorded sha256 to verify the capture against");
  }
  if (record->payload_sha256 != advert.sha256) {
    return Status::Corruption("advert " + advert.id + ": WARC payload sha256 " + record->payload_sha256 +
                              " does not match the recorded sha256 " + advert.sha256);
  }
  // ReadWarcRecord has checked that the file stays inside warc_dir.
  auto member = ReadBytes(warc_dir + "/" + advert.warc_file, advert.warc_offset, advert.warc_length);
  if (!member.ok()) return Status::Corruption("advert " + advert.id + ": " + member.status().message());
  return Capture{advert, std::move(member).value(), std::move(record->payload)};
}

// One photo of the lead's adverts, with its bytes when they are exported.
struct PhotoEvidence {
  AdvertImage image;
  std::optional<StoredImage> picture;
  std::string file;   // name under out_dir; empty when not written
  std::string bytes;
};

std::string ImageExtension(const std::string& format) {
  if (format == "PNG") return ".png";
  if (format == "WebP") return ".webp";
  if (format == "GIF") return ".gif";
  return ".jpg";
}

// The lead's photos; with `read_bytes`, each kept picture read from its WARC
// capture (once per picture) and verified against its SHA-256.
Result<std::vector<PhotoEvidence>> CollectPhotos(const Store& store, const LeadRecord& lead,
                                                 const std::string& warc_dir, bool read_bytes) {
  std::vector<PhotoEvidence> out;
  std::set<std::string> read;
  for (const std::string& id : lead.advert_ids) {
    auto listed = LoadAdvertImages(store, id);
    if (!listed.ok()) return listed.status();
    for (AdvertImage& image : *listed) {
      if (image.sha256.empty()) continue;
      PhotoEvidence p;
      auto picture = LoadStoredImage(store, image.sha256);
      if (!picture.ok()) return picture.status();
      p.picture = std::move(*picture);
      if (read_bytes && p.picture && !p.picture->warc_file.empty() &&
          read.insert(image.sha256).second) {
        WarcLocation location;
        location.file = p.picture->warc_file;
        location.offset = p.picture->warc_offset;
        location.length = p.picture->warc_length;
        auto record = ReadWarcRecord(warc_dir, location);
        if (!record.ok()) {
          return Status::Corruption("image " + image.sha256 + ": cannot read its WARC capture (" +
                                    record.status().ToString() + ")");
        }
        if (record->payload_sha256 != image.sha256) {
          return Status::Corruption("image " + image.sha256 +
                                    ": WARC payload does not match its sha256");
        }
        p.file = "image-" + image.sha256 + ImageExtension(p.picture->format);
        p.bytes = std::move(record->payload);
      }
      p.image = std::move(image);
      out.push_back(std::move(p));
    }
  }
  return out;
}

Status WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) return Status::IoError(path + ": cannot write");
  return Status::OK();
}

}  // namespace

Result<EvidenceSummary> ExportEvidence(const Store& store, const LeadRecord& lead,
                                       const EvidenceRequest& request) {
  EvidenceSummary summary;
  std::vector<Capture> captures;
  for (const std::string& id : lead.advert_ids) {
    auto advert = store.GetAdvert(id);
    if (!advert.ok()) return advert.status();
    if (!advert->has_value()) continue;  // purged since the lead was built
    const AdvertRecord& a = **advert;
    if (a.warc_file.empty() || a.warc_length == 0) {
      summary.without_capture.push_back(a.id);
      continue;
    }
    auto capture = ReadVerifiedCapture(request.warc_dir, a);
    if (!capture.ok()) return capture.status();
    captures.push_back(std::move(capture).value());
  }
  auto photos = CollectPhotos(store, lead, request.warc_dir, request.include_images);
  if (!photos.ok()) return photos.status();

  std::error_code ec;
  std::filesystem::create_directories(request.out_dir, ec);
  if (ec) return Status::IoError(request.out_dir + ": " + ec.message());
  ::chmod(request.out_dir.c_str(), 0700);  // evidence about people: owner only

  nlohmann::json files = nlohmann::json::array();
  std::string sums;
  auto write = [&](const std::string& name, const std::string& bytes) -> Status {
    Status s = WriteFile(request.out_dir + "/" + name, bytes);
    if (!s.ok()) return s;
    const std::string digest = Sha256Hex(bytes);
    sums += digest + "  " + name + "\n";
    files.push_back({{"name", name}, {"sha256", digest}, {"bytes", bytes.size()}});
    summary.files.push_back(name);
    return Status::OK();
  };

  Status s = write("lead.json", request.lead_json);
  if (!s.ok()) return s;
  nlohmann::json adverts = nlohmann::json::array();
  for (const Capture& c : captures) {
    const std::string warc_name = c.advert.id + ".warc.gz";
    const std::string html_name = c.advert.id + ".html";
    if (!(s = write(warc_name, c.member)).ok()) return s;
    if (!(s = write(html_name, c.payload)).ok()) return s;
    adverts.push_back({{"id", c.advert.id},
                       {"url", c.advert.url},
                       {"site", c.advert.site},
                       {"payload_sha256", c.advert.sha256},
                       {"source", {{"warc_file", c.advert.warc_file},
                                   {"offset", c.advert.warc_offset},
                                   {"length", c.advert.warc_length}}},
                       {"files", {warc_name, html_name}}});
    summary.exported.push_back(c.advert.id);
  }
  nlohmann::json images = nlohmann::json::array();
  for (const PhotoEvidence& p : *photos) {
    nlohmann::json item = {{"advert_id", p.image.advert_id},
                           {"url", p.image.url},
                           {"sha256", p.image.sha256}};
    if (p.picture) {
      item["pdq"] = p.picture->pdq.empty() ? "" : "pdq:" + p.picture->pdq;
      if (!p.picture->warc_file.empty()) {
        item["source"] = {{"warc_file", p.picture->warc_file},
                          {"offset", p.picture->warc_offset},
                          {"length", p.picture->warc_length}};
      }
    }
    if (!p.file.empty()) {
      if (!(s = write(p.file, p.bytes)).ok()) return s;
      item["file"] = p.file;
      summary.images.push_back(p.image.sha256);
    }
    images.push_back(std::move(item));
  }
  nlohmann::json manifest = {{"lead", lead.id},
                             {"generated_at", FormatIso8601(request.now)},
                             {"adverts", adverts},
                             {"adverts_without_capture", summary.without_capture},
                             {"images", images},
                             {"files", files}};
  s = write("manifest.json",
            manifest.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  if (!s.ok()) return s;
  s = WriteFile(request.out_dir + "/SHA256SUMS", sums);
  if (!s.ok()) return s;
  summary.files.emplace_back("SHA256SUMS");
  return summary;
}

}  // namespace plainsight
