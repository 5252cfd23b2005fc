// `query`: adverts by phone, email, postcode, site, indicator, text, date.
#include <re2/re2.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <set>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "cli/lead_table.h"
#include "core/clock.h"
#include "extractors/phones.h"
#include "extractors/postcodes.h"

namespace plainsight::cli {
namespace {

struct QueryArgs {
  std::string phone, email, postcode, handle, site, indicator, text, since;
  std::string format = "table";
};

std::string NormalizePhoneArg(const std::string& raw, const std::string& region) {
  auto found = FindPhones(raw, region);
  if (!found.empty()) return found.front().e164;
  throw CliError(kExitBadInput, "--phone: not a phone number: " + raw);
}

// "whatsapp:07700 900123" -> "whatsapp:+447700900123", "Telegram:@Anna_Rose"
// -> "telegram:@anna_rose", "snapchat:@anna" -> "snapchat:anna": the
// stored forms (CONTRACT.md "handles").
std::string NormalizeHandleArg(const std::string& raw, const std::string& region) {
  const size_t colon = raw.find(':');
  if (colon == std::string::npos || colon + 1 == raw.size()) {
    throw CliError(kExitBadInput, "--handle: write SERVICE:NAME, e.g. whatsapp:+447700900123 or "
                                  "telegram:@name; got: " + raw);
  }
  std::string service = raw.substr(0, colon);
  std::transform(service.begin(), service.end(), service.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string name = raw.substr(colon + 1);
  if (service != "whatsapp" && service != "telegram" && service != "snapchat" && service != "signal") {
    throw CliError(kExitBadInput, "--handle: unknown service '" + service +
                                      "' (whatsapp, telegram, snapchat or signal)");
  }
  auto found = FindPhones(name, region);
  if (!found.empty() && (service == "whatsapp" || service == "signal")) {
    return service + ":" + found.front().e164;
  }
  if (service == "whatsapp") throw CliError(kExitBadInput, "--handle: not a phone number: " + name);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (!name.empty() && name.front() == '@') name.erase(0, 1);
  return service + ":" + (service == "telegram" ? "@" : "") + name;
}

std::string NormalizePostcodeArg(const std::string& raw) {
  auto found = FindPostcodes(raw);
  if (!found.empty()) return found.front().postcode;
  throw CliError(kExitBadInput, "--postcode: not a UK postcode: " + raw);
}

}  // namespace

void RegisterQuery(CLI::App& app) {
  static QueryArgs args;
  CLI::App* cmd = app.add_subcommand("query", "Find stored adverts (filters combine with AND)");
  cmd->footer(
      "Examples:\n  plainsight query --phone '07700 900123' --format json\n"
      "  plainsight query --postcode nn11ab --since 2026-11-01\n"
      "  plainsight query --handle telegram:@anna_rose");
  cmd->add_option("--phone", args.phone, "any UK spelling; matched as E.164");
  cmd->add_option("--email", args.email, "email address");
  cmd->add_option("--postcode", args.postcode, "UK postcode, any spacing or case");
  cmd->add_option("--handle", args.handle,
                  "messaging name: whatsapp:NUMBER, telegram:@name, snapchat:name, signal:NUMBER|name");
  cmd->add_option("--site", args.site, "site name");
  cmd->add_option("--indicator", args.indicator, "indicator id, e.g. jobs.accommodation_provided");
  cmd->add_option("--text", args.text, "RE2 pattern over title and text");
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
    std::unique_ptr<RE2> text_re;
    if (!args.text.empty()) {
      text_re = std::make_unique<RE2>(args.text, RE2::Quiet);
      if (!text_re->ok()) throw CliError(kExitBadInput, "--text: bad pattern: " + text_re->error());
    }
    auto store = OpenStoreOrThrow(config, g, true);

    // Index lookups first; they narrow the scan to a handful of adverts.
    std::optional<std::set<std::string>> candidates;
    auto narrow = [&](EntityType type, const std::string& value) {
      auto ids = store->AdvertIdsForEntity(type, value);
      if (!ids.ok()) throw CliError(kExitStore, ids.status().ToString());
      std::set<std::string> found(ids->begin(), ids->end());
      if (!candidates) {
        candidates = std::move(found);
      } else {
        std::set<std::string> both;
        std::set_intersection(candidates->begin(), candidates->end(), found.begin(), found.end(),
                              std::inserter(both, both.begin()));
        candidates = std::move(both);
      }
    };
    if (!args.phone.empty()) narrow(EntityType::kPhone, NormalizePhoneArg(args.phone, config.default_region));
    if (!args.email.empty()) {
      std::string email = args.email;
      std::transform(email.begin(), email.end(), email.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      narrow(EntityType::kEmail, email);
    }
    if (!args.postcode.empty()) narrow(EntityType::kPostcode, NormalizePostcodeArg(args.postcode));
    if (!args.handle.empty()) narrow(EntityType::kHandle, NormalizeHandleArg(args.handle, config.default_region));

    auto keep = [&](const AdvertRecord& a) {
      if (!args.site.empty() && a.site != args.site) return false;
      if (since > 0 && a.last_seen < since) return false;
      if (!args.indicator.empty() &&
          std::none_of(a.indicators.begin(), a.indicators.end(),
                       [&](const IndicatorRecord& hit) { return hit.id == args.indicator; })) {
        return false;
      }
      if (text_re && !RE2::PartialMatch(a.title, *text_re) && !RE2::PartialMatch(a.text, *text_re)) {
        return false;
      }
      return true;
    };
    std::vector<AdvertRecord> adverts;
    if (candidates) {
      for (const std::string& id : *candidates) {
        auto advert = store->GetAdvert(id);
        if (!advert.ok()) throw CliError(kExitStore, advert.status().ToString());
        if (advert->has_value() && keep(**advert)) adverts.push_back(**advert);
      }
    } else {
      Status s = store->ForEachAdvert([&](const AdvertRecord& a) {
        if (keep(a)) adverts.push_back(a);
        return true;
      });
      if (!s.ok()) throw CliError(kExitStore, s.ToString());
    }
    AuditOrThrow(config, "query", static_cast<std::int64_t>(adverts.size()));
    if (args.format == "json") {
      nlohmann::json out = {{"adverts", nlohmann::json::array()}};
      for (const AdvertRecord& a : adverts) out["adverts"].push_back(AdvertJson(a));
      std::cout << out.dump(2) << "\n";
    } else {
      PrintAdvertTable(std::cout, adverts);
    }
  });
}

}  // namespace plainsight::cli
