// `query`: adverts by phone, email, postcode, site, indicator, text, date,
// or photo.
#include <CLI/CLI.hpp>
#include <iostream>
#include <set>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/image_view.h"
#include "cli/json_output.h"
#include "cli/lead_table.h"
#include "core/clock.h"
#include "crawler/picture_fetch.h"
#include "report/advert_query.h"
#include "report/image_query.h"
#include "report/photo_orientations.h"

namespace plainsight::cli {
namespace {

struct QueryArgs {
  std::string phone, email, postcode, handle, site, indicator, text, since, image;
  std::string format = "table";
};

bool HasFilter(const AdvertQuery& q) {
  return !q.phone.empty() || !q.email.empty() || !q.postcode.empty() || !q.handle.empty() ||
         !q.site.empty() || !q.indicator.empty() || !q.text.empty() || q.since != 0;
}

bool IsUrl(const std::string& image) {
  return image.rfind("http://", 0) == 0 || image.rfind("https://", 0) == 0;
}

// The picture `--image` names: a file, or a URL fetched once as politely as
// the crawl would (crawler/picture_fetch.h: robots.txt, the configured user
// agent, TLS verified, private addresses only when the config allows them,
// max_image_bytes). A URL the analyst asked for is audited even when it is
// refused or fails: robots.txt may have been fetched on their behalf, and
// the log is of what was asked, not only of what was found.
std::string QueryPicture(const std::string& image, const Config& config) {
  if (!IsUrl(image)) return ReadInput(image);
  Result<std::string> fetched = FetchPicture(config.crawl, image);
  if (!fetched.ok()) {
    AuditOrThrow(config, "query", 0);
    throw CliError(kExitBadInput, "--image: " + fetched.status().message());
  }
  return std::move(*fetched);
}

// `query --image FILE|URL`: adverts showing a photo like the picture's, in
// any of its eight orientations (a rotated or mirrored repost too), closest
// first; other filters, when given, keep only adverts they also find.
void QueryImage(const QueryArgs& args, const Config& config, const Store& store,
                const AdvertQuery& query) {
  const std::string bytes = QueryPicture(args.image, config);
  Result<PhotoOrientations> photo = HashPhotoOrientations(bytes);
  if (!photo.ok()) {
    AuditOrThrow(config, "query", 0);  // asked for, so recorded (see QueryPicture)
    throw CliError(kExitBadInput, "--image: " + photo.status().message());
  }
  auto found = FindAdvertsByPhoto(store, *photo);
  if (found.status().IsInvalidArgument()) {
    throw CliError(kExitBadInput, "--" + found.status().message());
  }
  if (!found.ok()) throw CliError(kExitStore, found.status().ToString());
  std::vector<PhotoMatch> matches = std::move(*found);
  if (HasFilter(query)) {
    auto filtered = FindAdverts(store, query, config.default_region);
    if (filtered.status().IsInvalidArgument()) {
      throw CliError(kExitBadInput, "--" + filtered.status().message());
    }
    if (!filtered.ok()) throw CliError(kExitStore, filtered.status().ToString());
    std::set<std::string> keep;
    for (const AdvertRecord& a : *filtered) keep.insert(a.id);
    std::erase_if(matches, [&](const PhotoMatch& m) { return keep.count(m.advert_id) == 0; });
  }
  AuditOrThrow(config, "query", static_cast<std::int64_t>(matches.size()));
  if (args.format == "json") {
    nlohmann::json out = {{"adverts", nlohmann::json::array()}};
    for (const PhotoMatch& m : matches) {
      nlohmann::json advert = PhotoMatchJson(m);
      advert["id"] = m.advert_id;
      out["adverts"].push_back(std::move(advert));
    }
    std::cout << out.dump(2) << "\n";
  } else {
    PrintPhotoMatches(std::cout, matches);
  }
}

}  // namespace

void RegisterQuery(CLI::App& app) {
  static QueryArgs args;
  CLI::App* cmd = app.add_subcommand("query", "Find stored adverts (filters combine with AND)");
  cmd->footer(
      "Examples:\n  plainsight query --phone '07700 900123' --format json\n"
      "  plainsight query --postcode nn11ab --since 2026-11-01\n"
      "  plainsight query --handle telegram:@anna_rose\n"
      "  plainsight query --image photo.jpg --format json\n"
      "  plainsight query --image https://example.org/img/1.jpg");
  cmd->add_option("--phone", args.phone, "any UK spelling; matched as E.164");
  cmd->add_option("--email", args.email, "email address");
  cmd->add_option("--postcode", args.postcode, "UK postcode, any spacing or case");
  cmd->add_option("--handle", args.handle,
                  "messaging name: whatsapp:NUMBER, telegram:@name, snapchat:name, signal:NUMBER|name");
  cmd->add_option("--site", args.site, "site name");
  cmd->add_option("--indicator", args.indicator, "indicator id, e.g. jobs.accommodation_provided");
  cmd->add_option("--text", args.text, "RE2 pattern over title and text");
  cmd->add_option("--image", args.image,
                  "picture file or http(s) URL (JPEG, PNG, WebP, GIF): adverts showing a like "
                  "photo, also turned or mirrored, closest first; a URL is fetched once, "
                  "politely ([crawl] rules, robots.txt)");
  cmd->add_option("--since", args.since, "last seen at or after (ISO 8601, or 24h / 7d)");
  cmd->add_option("--format", args.format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    Config config = LoadConfigOrThrow(g);
    std::int64_t since = 0;
    if (!args.since.empty() &&
        !ParseTimeSpec(args.since, SystemClock::Get().NowUnixSeconds(), &since)) {
      throw CliError(kExitBadInput, "--since: not a date, time or age: " + args.since);
    }
    auto store = OpenStoreOrThrow(config, g, true);
    AdvertQuery query{args.phone, args.email, args.postcode, args.handle, args.site,
                      args.indicator, args.text, since};
    if (!args.image.empty()) {
      QueryImage(args, config, *store, query);
      return;
    }
    auto found = FindAdverts(*store, query, config.default_region);
    if (found.status().IsInvalidArgument()) throw CliError(kExitBadInput, "--" + found.status().message());
    if (!found.ok()) throw CliError(kExitStore, found.status().ToString());
    const std::vector<AdvertRecord>& adverts = *found;
    AuditOrThrow(config, "query", static_cast<std::int64_t>(adverts.size()));
    if (args.format == "json") {
      nlohmann::json out = {{"adverts", nlohmann::json::array()}};
      for (const AdvertRecord& a : adverts) out["adverts"].push_back(AdvertJson(a, *store));
      std::cout << out.dump(2) << "\n";
    } else {
      PrintAdvertTable(std::cout, adverts);
    }
  });
}

}  // namespace plainsight::cli
