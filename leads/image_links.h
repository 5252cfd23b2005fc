// ImageLinks: advert photos as link entities for correlation.
//
// Every stored picture of usable PDQ quality (>= kPdqMinUsableQuality) is
// put in one images::PdqIndex with its whole-picture hash and its crop
// hashes; each picture then queries the index with each of its own hashes,
// so two pictures are neighbours exactly when PhotosMatch says they match
// (distance <= kPdqMatchDistance over full + crops pairs), with no all-pairs
// scan. Queries run on two threads. Measured: 100,000 pictures (400,000
// random hashes) cluster in about 11 s on a loaded 2-core VM, nearly all of
// it PdqIndex's distance checks; 3,000 take well under a second.
// Neighbours are joined transitively into clusters (one photo posted
// resized, cropped and re-encoded is one cluster). Each cluster shown by two
// or more adverts becomes one EntityType::kImage entity of the corpus,
// valued "pdq:<64 hex>" of its smallest whole-picture hash in hex (so the
// value does not depend on the order pictures were stored), and is added to
// the entities of every advert showing one of its pictures. From there the
// link graph treats it as a contact: strong link, and the same boilerplate
// and hub rules (a site's placeholder on most of its adverts, a stock photo
// on very many adverts) keep it from linking.
//
// A store without pictures leaves the corpus untouched.
//
// PhotoEntityValues gives the same clustering as a map, every usable
// picture's SHA-256 to its cluster's value, so the exports name a photo by
// the entity correlation links by (a picture on one advert is a cluster of
// its own).
//
// Not thread-safe on `corpus`; reads the store through its thread-safe
// methods.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/status.h"
#include "images/photo_hashes.h"
#include "leads/corpus.h"
#include "store/image_record.h"
#include "store/store.h"

namespace plainsight {

struct ImageLinkStats {
  size_t pictures = 0;  // stored pictures of usable quality
  size_t clusters = 0;  // clusters on two or more adverts (entities added)
};

// The hashes of a stored picture (its hex forms parsed); nullopt when its
// whole-picture hash is missing. A crop hash that does not parse is left out.
std::optional<images::PhotoHashes> StoredPhotoHashes(const StoredImage& image);

Status AddImageEntities(const Store& store, Corpus* corpus, ImageLinkStats* stats = nullptr);

// SHA-256 -> "pdq:<64 hex>" of its cluster, for every stored picture of
// usable quality (pictures too flat to match have no entry).
Result<std::unordered_map<std::string, std::string>> PhotoEntityValues(const Store& store);

}  // namespace plainsight
