// Pick-up points: the places an advert says workers are collected from
// ("pick-up from the Tesco car park, Corby, 5am", "minibus leaves from the
// Asda car park at 4:45"). Transport controlled by the employer and early
// pick-ups are signs of labour exploitation (police guidance on modern
// slavery; GLAA and Unseen "spot the signs"), and the place is where a
// safeguarding visit can find the workers.
//
// What it reads: a transport cue (pick-up, picked up, transport from,
// minibus/van leaves from, collection from, we collect you from, lifts from,
// driven from, meeting point for transport) followed in the same sentence by
// a place phrase: a landmark ending in a place word ("the Tesco car park",
// "Kettering bus station", "Boston market place"), "outside/opposite X",
// "the corner of A and B", a street address, a postcode, or a gazetteer town
// alone ("pick-up in Corby"). Between cue and place may come a clause about
// the vehicle or the meeting: "Free transport: the minibus leaves Kettering
// bus station", "works bus departs Corby railway station", "van sets off
// from / goes from / waits at / stops at X", "transport provided, meet the
// driver (the van, us, your driver) at/outside X", and "be at X for 5am"
// (only with a time: without one X may be the workplace). The vehicle and
// verb words are never part of the place; a plain "bus" counts only inside
// such a clause after an employer cue. A town written right after the place
// (", Corby", "in Corby"), a postcode after that, and a time before or after
// the place are taken with it. Several places after one cue ("from Corby,
// Kettering and Wellingborough") are several points.
//
// What it does not read: a cue without a place ("transport provided", "own
// transport essential"), a place without a cue ("close to the bus station"),
// pick-up in other senses ("pick up the phone", "pick up and pack", "order
// pickers", "pick-up truck"), parcels ("click and collect", "parcel
// collection"), public transport ("public transport from", a plain "bus
// from"), destinations ("transport to site") and places in other sentences.
// A town alone needs the gazetteer (a capitalised word alone is too often a
// day, a name or a brand); with a null gazetteer only landmarks, addresses
// and postcodes are found and `town` stays empty.
//
// Times: "5am", "5.30am", "5:45 am", "05:00", "0500hrs", and "at 6" / "at 5.30"
// after a cue. A bare hour after "at" is read as written on a 24-hour clock
// ("at 6" -> "06:00") because the adverts describe early-morning pick-ups.
// 12am is 00:00 and 12pm is 12:00.
//
// Thread safety: patterns are compiled once (function-local statics) and
// shared read-only; the gazetteer is only read. Safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/gazetteer.h"

namespace plainsight {

struct PickupPoint {
  std::string place;     // as written, without cue words: "the Tesco car park", "Kettering bus station"
  std::string town;      // canonical gazetteer town named in or right after the place ("Corby"), else ""
  std::string postcode;  // upper case, one space: "NN17 1AA", else ""
  std::string time;      // 24-hour "HH:MM" given with the pick-up, else ""
  std::string match;     // original span quoted as evidence: cue to end of place/town/postcode/time
  size_t offset = 0;     // byte offset of `match` in the text
};

// Every pick-up point in text order. `gazetteer` may be null (then `town`
// stays "" and towns alone are not places).
std::vector<PickupPoint> FindPickupPoints(std::string_view text, const Gazetteer* gazetteer);

}  // namespace plainsight
