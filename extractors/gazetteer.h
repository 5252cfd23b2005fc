// Gazetteer: the UK cities and towns that adverts name, loaded from a TSV
// file (config/gazetteer.tsv), and the rules for finding them in free text.
//
// File format: '#' comment lines and blank lines are skipped; the first other
// line is the header `name<TAB>county<TAB>region<TAB>postcode_areas<TAB>kind`,
// optionally followed by `<TAB>lat<TAB>lon` (found by name, either order,
// both or neither; any other column is an error); every later line is one
// place with one field per header column. `name` may list other spellings
// after '|' ("Kingston upon Hull|Hull"): the first is canonical.
// `postcode_areas` is a space-separated list of area letters ("NN",
// "E EC N"). `kind` is city|town. `lat` and `lon` are the town centre in
// decimal degrees, WGS84 ("52.237", "-0.894"; no exponent, no '+'), inside
// the UK and Ireland box lat 49.8..60.95, lon -8.7..1.8, so that a typo or a
// swapped pair fails the load instead of putting a town at sea; a row may
// leave both empty (coordinates unknown). A file without the columns loads
// with every place's coordinates unknown.
// Two rows may share a name when their counties differ (Bangor, Gwynedd and
// Bangor, County Down); lookups then give the first row.
//
// Matching (FindPlaces): whole words, case-insensitive, longest name first
// ("Milton Keynes", not a shorter name inside it). Words are compared after
// folding case, dropping apostrophes ("Kings Lynn" finds "King's Lynn") and
// treating hyphens, dots and spaces alike ("Stoke on Trent", "St. Albans").
// A trailing possessive is allowed ("Northampton's"). A name followed by a
// street word ("London Road", "Oxford Street") is a street, not the place.
// Names that are also ordinary English words or first names (Bath, Reading,
// Wells, March, Deal, Sale, Leigh...) count only when written in Title Case,
// not at the start of a sentence, not run together with other capitalised
// words ("High Street", "Reading Festival"; a cue such as "Visiting Bath" is
// fine), not after a determiner or a person cue ("a Deal", "I'm Sandy"), not
// before a number, and March not after a date word ("in March", "5th March").
// All-capitals text ("NEW IN READING") therefore never finds them.
//
// Thread safety: a Gazetteer is immutable once built; every const method is
// safe from any number of threads. Share it through the shared_ptr.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace plainsight {

struct Place {
  std::string name;  // canonical spelling
  std::string county;
  std::string region;
  std::vector<std::string> postcode_areas;  // upper case: "NN", "MK"
  std::string kind;                         // "city" or "town"
  std::vector<std::string> other_names;     // alternative spellings from the file
  // Town centre, decimal degrees WGS84, about 1-2 km precision: where a map
  // puts the place when nothing finer is known. Both set or both empty
  // (the file has no lat/lon columns, or the row leaves them blank).
  std::optional<double> lat;
  std::optional<double> lon;
};

class Gazetteer {
 public:
  // Reads and parses a file; errors name "path:line: ...".
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& tsv_path);
  // Parses TSV text; `source_name` prefixes error messages.
  static Result<std::shared_ptr<const Gazetteer>> Parse(std::string_view tsv,
                                                        const std::string& source_name);

  // Canonical names of the places named in `text`, unique, in order of first
  // occurrence, under the rules in the file comment.
  std::vector<std::string> FindPlaces(std::string_view text) const;

  // As FindPlaces, for a field known to hold a location ("Reading, Berks"):
  // common-word names need no capital letter or context.
  std::vector<std::string> FindPlacesInLocation(std::string_view field) const;

  // The place with this name or other spelling (case, apostrophes, hyphens
  // and dots ignored), or nullptr. Owned by the Gazetteer. A canonical name
  // from FindPlaces or TownsForAdvert finds its own row (for a name two rows
  // share, the first, as everywhere), so this is also how to get a town's
  // coordinates.
  const Place* Find(std::string_view name) const;

  // The main place for a postcode area ("NN" -> "Northampton"): the first
  // row in the file that lists the area. Empty when no row does.
  std::string MainPlaceForPostcodeArea(std::string_view area) const;

  size_t size() const { return places_.size(); }
  const std::vector<Place>& places() const { return places_; }

 private:
  struct Name {
    size_t place = 0;          // index into places_
    bool common_word = false;  // needs the capitalisation rules
  };

  Gazetteer() = default;

  std::vector<std::string> Match(std::string_view text, bool location_field) const;

  std::vector<Place> places_;
  std::unordered_map<std::string, Name> names_;  // folded words joined by ' '
  std::unordered_map<std::string, size_t> main_place_by_area_;
  // First word of every name -> the most words in a name starting with it,
  // so most words in a text cost one hash lookup.
  std::unordered_map<std::string, size_t> longest_name_by_first_word_;
};

// The towns for an advert, unique, in this order: the explicit location
// field (matched against the gazetteer, or kept as given, trimmed, when it
// names no known place), then places named in `text`, then the main place
// of each postcode's area.
std::vector<std::string> TownsForAdvert(const Gazetteer& gazetteer, std::string_view location_field,
                                        std::string_view text,
                                        const std::vector<std::string>& postcodes);

}  // namespace plainsight
