// LeadRecord's stored form: the fields leads added (addresses, hubs,
// split_from, template) round-trip, and records written before them still
// decode.
#include <catch2/catch.hpp>

#include "store/record_codec.h"

namespace plainsight {
namespace {

TEST_CASE("LeadCodec_NewFieldsRoundTrip_OldRecordsStillDecode") {
  LeadRecord full;
  full.id = "L-000000000001";
  full.score = 7.5;
  full.reasons = {"phone +447700900123 in 3 adverts on 2 sites"};
  full.reason_points = {7.5};
  full.addresses = {"14 WHARF LANE"};
  full.hubs = {"phone +442079460999 on 300 adverts across 9 sites"};
  full.split_from = "L-000000000002";
  full.template_text = "Sweet and friendly {1}, {2}, new to {3}.";
  full.template_slots = {{"Anya", "Irina"}, {"23", "22"}, {"Corby", "Kettering"}};

  static const struct {
    const char* name;
    std::string bytes;
    LeadRecord expected;
  } kCases[] = {
      {"round trip of every new field", EncodeLead(full), full},
      {"record written before the new fields",
       R"({"id":"L-000000000003","score":2.0,"status":"reviewed","reasons":["r"],)"
       R"("reason_points":[2.0],"advert_ids":["A-1","A-2"],"phones":[],"emails":[],)"
       R"("postcodes":[],"created_at":5,"updated_at":6})",
       [] {
         LeadRecord l;
         l.id = "L-000000000003";
         l.score = 2.0;
         l.status = "reviewed";
         l.reasons = {"r"};
         l.reason_points = {2.0};
         l.advert_ids = {"A-1", "A-2"};
         l.created_at = 5;
         l.updated_at = 6;
         return l;
       }()},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    LeadRecord got;
    REQUIRE(DecodeLead(c.bytes, &got).ok());
    CHECK(got.id == c.expected.id);
    CHECK(got.score == c.expected.score);
    CHECK(got.status == c.expected.status);
    CHECK(got.advert_ids == c.expected.advert_ids);
    CHECK(got.addresses == c.expected.addresses);
    CHECK(got.hubs == c.expected.hubs);
    CHECK(got.split_from == c.expected.split_from);
    CHECK(got.template_text == c.expected.template_text);
    CHECK(got.template_slots == c.expected.template_slots);
  }
}

}  // namespace
}  // namespace plainsight
