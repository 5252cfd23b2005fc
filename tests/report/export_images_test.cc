// Photo links in the exports (issue 16), through the real binary: each
// advert's kept photos join `export --format i2`, `graphml` and `csv`. A
// photo is the entity correlation links adverts by ("pdq:<hex>" of its
// cluster, leads/image_links.h), so Mia's photo and Silk's resized,
// re-encoded copy of it are one image node; each link names the picture
// that advert showed (URL, SHA-256, own PDQ, WARC record). A photo too
// flat to match links nothing and is listed in the advert CSV only.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/report/report_fixture.h"
#include "tests/support/advert_photos.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

const char kMiaPhoto[] = "https://velvet.example.org/img/mia.jpg";
const char kSilkPhoto[] = "https://silk.example.org/img/22.jpg";
const char kCleanerLogo[] = "https://jobs.example.com/img/logo.png";

struct PhotoExports : SampleStoreDir {
  PhotoExports() {
    mia.stored.warc_file = "images.warc.gz";
    mia.stored.warc_offset = 10;
    mia.stored.warc_length = 20;
    auto store = std::move(Store::Open(store_dir, {})).value();
    ShowPhoto(*store, sample.mia.id, kMiaPhoto, mia);
    ShowPhoto(*store, sample.silk.id, kSilkPhoto, silk);
    ShowPhoto(*store, sample.cleaner.id, kCleanerLogo, flat);
    entity = "pdq:" + std::min(mia.stored.pdq, silk.stored.pdq);
  }
  RunResult Export(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--config", config, "export"});
    RunResult run = RunPlainsight(args);
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
    return run;
  }

  Photo mia = PicturePhoto(61, 1);
  Photo silk = ResizedCopy(61, 1);
  Photo flat = FlatPhoto();
  std::string entity;  // the cluster's value: its smallest whole-picture hash
};

TEST_CASE("ExportI2_PhotoLinks_AdvertToImageEntityRowsWithUrlShaPdqAndWarc") {
  PhotoExports e;
  static const struct {
    const char* lead;  // "" = everything
    size_t image_rows;
  } kCases[] = {
      {"", 2},
      {"L-00000000aaaa", 2},  // Mia and Silk
      {"L-00000000bbbb", 0},  // the warehouse shows none, the cleaner a flat logo
  };
  for (const auto& c : kCases) {
    CAPTURE(c.lead);
    std::vector<std::string> args = {"--format", "i2"};
    if (*c.lead != '\0') args.insert(args.end(), {"--lead", c.lead});
    const auto rows = ParseCsv(e.Export(args).out);
    REQUIRE(!rows.empty());
    const std::vector<std::string>& header = rows[0];
    REQUIRE(header.size() == 17);
    std::vector<std::vector<std::string>> links;
    for (const auto& row : rows) {
      if (row[3] == "has_image") links.push_back(row);
    }
    REQUIRE(links.size() == c.image_rows);
    for (const auto& row : links) {
      CHECK(row[4] == "image");
      CHECK(row[5] == "image:" + e.entity);
      CHECK(row[6] == e.entity);
      const bool is_mia = row[1] == e.sample.mia.id;
      CHECK((is_mia || row[1] == e.sample.silk.id));
      const Photo& photo = is_mia ? e.mia : e.silk;
      CHECK(row[11] == (is_mia ? kMiaPhoto : kSilkPhoto));
      CHECK(row[12] == photo.stored.sha256);
      CHECK(row[13] == "pdq:" + photo.stored.pdq);
      const std::vector<std::string> warc(row.begin() + 14, row.end());
      CHECK(warc == (is_mia ? std::vector<std::string>{"images.warc.gz", "10", "20"}
                            : std::vector<std::string>{"", "", ""}));
    }
  }
}

TEST_CASE("ExportGraphMl_PhotoNode_ListsEveryPictureOfTheEntity") {
  const std::string python = PythonWithNetworkx();
  if (python.empty()) FAIL("python3-networkx is not installed: run scripts/install-test-tools");
  PhotoExports e;
  const std::string out = e.dir.path + "/graph.graphml";
  e.Export({"--format", "graphml", "--out", out});
  std::string printed;
  const std::string script =
      "import networkx as nx, sys\n"
      "g = nx.read_graphml(sys.argv[1])\n"
      "n = g.nodes[sys.argv[2]]\n"
      "print(g.number_of_nodes(), g.number_of_edges())\n"
      "print(n['type'], n['label'])\n"
      "print(n['image_urls'])\n"
      "print(n['image_sha256s'])\n"
      "d = g.edges[sys.argv[3], sys.argv[2]]\n"
      "print(d['type'], d['image_url'], d['image_pdq'], d['image_warc_file'], "
      "d['image_warc_offset'])\n";
  WriteText(e.dir.path + "/read.py", script);
  const int status = RunShell(python + " " + e.dir.path + "/read.py " + out + " image:" + e.entity +
                                  " " + e.sample.mia.id,
                              &printed);
  INFO(printed);
  REQUIRE(status == 0);
  // The sample's 13 nodes and 14 edges, one photo node and two links to it.
  CHECK(printed == "14 16\nimage " + e.entity + "\n" + kMiaPhoto + " " + kSilkPhoto + "\n" +
                       e.mia.stored.sha256 + " " + e.silk.stored.sha256 + "\nhas_image " + kMiaPhoto +
                       " pdq:" + e.mia.stored.pdq + " images.warc.gz 10\n");
}

TEST_CASE("ExportCsv_ImageColumns_EntityAndEachKeptPicture") {
  PhotoExports e;
  const auto rows = ParseCsv(e.Export({"--format", "csv"}).out);
  REQUIRE(rows.size() == 5);
  REQUIRE(rows[0].size() == 18);
  CHECK(std::vector<std::string>(rows[0].begin() + 14, rows[0].end()) ==
        std::vector<std::string>{"images", "image_urls", "image_sha256", "image_pdq"});
  const struct {
    std::string id;
    std::vector<std::string> image_cells;  // images, image_urls, image_sha256, image_pdq
  } kCases[] = {
      {e.sample.mia.id, {e.entity, kMiaPhoto, e.mia.stored.sha256, "pdq:" + e.mia.stored.pdq}},
      {e.sample.silk.id, {e.entity, kSilkPhoto, e.silk.stored.sha256, "pdq:" + e.silk.stored.pdq}},
      // Too flat to match: no entity, but the picture is listed.
      {e.sample.cleaner.id, {"", kCleanerLogo, e.flat.stored.sha256, "pdq:" + e.flat.stored.pdq}},
      {e.sample.warehouse.id, {"", "", "", ""}},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.id);
    auto row = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r[0] == c.id; });
    REQUIRE(row != rows.end());
    CHECK(std::vector<std::string>(row->begin() + 14, row->end()) == c.image_cells);
  }
}

}  // namespace
}  // namespace plainsight
