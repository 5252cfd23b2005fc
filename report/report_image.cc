#include "report/report_image.h"

#include "leads/image_links.h"
#include "store/image_record.h"

namespace plainsight {

Result<std::vector<ReportImage>> KeptImagesOf(const Store& store,
                                              const std::vector<std::string>& advert_ids) {
  std::vector<ReportImage> out;
  for (const std::string& id : advert_ids) {
    auto listed = LoadAdvertImages(store, id);
    if (!listed.ok()) return listed.status();
    for (const AdvertImage& image : *listed) {
      if (image.sha256.empty()) continue;
      auto picture = LoadStoredImage(store, image.sha256);
      if (!picture.ok()) return picture.status();
      ReportImage r;
      r.advert_id = id;
      r.url = image.url;
      r.sha256 = image.sha256;
      if (*picture) {
        const StoredImage& p = **picture;
        if (!p.pdq.empty()) r.pdq = "pdq:" + p.pdq;
        r.format = p.format;
        r.quality = p.quality;
        r.width = p.width;
        r.height = p.height;
        r.warc_file = p.warc_file;
        r.warc_offset = p.warc_offset;
        r.warc_length = p.warc_length;
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

Status AddPhotoEntities(const Store& store, std::vector<ReportImage>* images) {
  if (images->empty()) return Status::OK();
  auto values = PhotoEntityValues(store);
  if (!values.ok()) return values.status();
  for (ReportImage& image : *images) {
    auto it = values->find(image.sha256);
    image.entity = it == values->end() ? "" : it->second;
  }
  return Status::OK();
}

}  // namespace plainsight
