// `extract` (what one saved page yields) and `patterns check`.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/json_output.h"
#include "core/clock.h"
#include "extractors/advert_extractor.h"

namespace plainsight::cli {
namespace {

using nlohmann::json;

json ExtractionJson(const AdvertExtraction& x) {
  json phones = json::array(), phone_matches = json::array();
  for (const auto& p : x.phones) {
    phones.push_back(p.e164);
    phone_matches.push_back({{"e164", p.e164}, {"match", p.match}, {"obfuscated", p.obfuscated}});
  }
  json emails = json::array(), email_matches = json::array();
  for (const auto& e : x.emails) {
    emails.push_back(e.email);
    email_matches.push_back({{"email", e.email}, {"match", e.match}, {"obfuscated", e.obfuscated}});
  }
  json handles = json::array(), handle_matches = json::array();
  for (const auto& h : x.handles) {
    handles.push_back(h.handle);
    handle_matches.push_back({{"handle", h.handle}, {"match", h.match}, {"from_link", h.from_link}});
  }
  json pay = json::array();
  for (const auto& p : x.pay) {
    pay.push_back(PayJson(p));
  }
  json indicators = json::array();
  for (const auto& hit : x.indicators) {
    indicators.push_back(
        {{"id", hit.id}, {"category", hit.category}, {"weight", hit.weight}, {"match", hit.match}});
  }
  return {{"title", x.title},         {"text", x.text},
          {"location", x.location},   {"posted", x.posted},
          {"salary", x.salary},       {"company", x.company},
          {"contact", x.contact},
          {"charset", x.charset},     {"phones", phones},
          {"phone_matches", phone_matches}, {"emails", emails},
          {"email_matches", email_matches}, {"handles", handles},
          {"handle_matches", handle_matches}, {"postcodes", x.postcodes},
          {"addresses", x.addresses}, {"towns", x.towns},
          {"pay", pay},               {"ages", x.ages},
          {"prices", x.prices},       {"indicators", indicators}};
}

void PrintExtractionText(const AdvertExtraction& x) {
  std::cout << "title:      " << x.title << "\n";
  if (!x.location.empty()) std::cout << "location:   " << x.location << "\n";
  if (!x.posted.empty()) std::cout << "posted:     " << x.posted << "\n";
  if (!x.salary.empty()) std::cout << "salary:     " << x.salary << "\n";
  if (!x.company.empty()) std::cout << "company:    " << x.company << "\n";
  if (!x.contact.empty()) std::cout << "contact:    " << x.contact << "\n";
  for (const auto& p : x.phones) {
    std::cout << "phone:      " << p.e164 << "  \"" << p.match << "\"" << (p.obfuscated ? "  (obfuscated)" : "") << "\n";
  }
  for (const auto& e : x.emails) {
    std::cout << "email:      " << e.email << "  \"" << e.match << "\"" << (e.obfuscated ? "  (obfuscated)" : "") << "\n";
  }
  for (const auto& h : x.handles) {
    std::cout << "handle:     " << h.handle << "  \"" << h.match << "\"" << (h.from_link ? "  (link)" : "") << "\n";
  }
  for (const auto& pc : x.postcodes) std::cout << "postcode:   " << pc << "\n";
  for (const auto& a : x.addresses) std::cout << "address:    " << a << "\n";
  for (const auto& t : x.towns) std::cout << "town:       " << t << "\n";
  for (int age : x.ages) std::cout << "age:        " << age << "\n";
  for (double price : x.prices) std::cout << "price:      £" << price << "\n";
  for (const auto& p : x.pay) {
    std::cout << "pay:        \"" << p.match << "\"  " << (p.up_to ? "up to " : "") << p.amount;
    if (p.amount_max) std::cout << "-" << *p.amount_max;
    std::cout << " " << p.currency << " per " << p.per;
    if (p.hourly) std::cout << "  = " << *p.hourly << " " << p.currency << "/h";
    std::cout << "\n";
  }
  for (const auto& hit : x.indicators) {
    std::cout << "indicator:  " << hit.id << " [" << hit.category << "] \"" << hit.match << "\"\n";
  }
}

}  // namespace

void RegisterExtract(CLI::App& app) {
  static std::string file, site, kind, format = "table";
  CLI::App* cmd = app.add_subcommand("extract", "Show what one saved page yields (fields, contacts, pay, indicators)");
  cmd->footer("Examples:\n  plainsight extract saved.html --kind jobs --format json\n  curl -s URL | plainsight extract - --site example-jobs");
  cmd->add_option("FILE", file, "saved HTML page, or - for stdin")->required();
  cmd->add_option("--site", site, "use this configured site's rules (kind, field selectors)");
  cmd->add_option("--kind", kind, "which indicator packs apply")->check(CLI::IsMember({"jobs", "adult"}));
  cmd->add_option("--format", format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    Config config = LoadConfigOrThrow(g);
    std::shared_ptr<const Gazetteer> gazetteer = LoadGazetteerOrNull(config);
    // With --site, exactly the crawl's options for that site.
    ExtractorOptions options;
    options.phone_region = config.default_region;
    options.gazetteer = gazetteer;
    if (!site.empty()) {
      const SiteConfig* s = config.FindSite(site);
      if (s == nullptr) throw CliError(kExitBadInput, "--site: no site named '" + site + "' in " + config.source_path);
      options = ExtractorOptionsForSite(config, *s, gazetteer);
    }
    if (!kind.empty()) options.kind = kind;
    auto extractor = AdvertExtractor::Create(options, LoadPatternsOrThrow(config));
    if (!extractor.ok()) throw CliError(kExitBadInput, extractor.status().ToString());
    std::string body = ReadInput(file);
    std::string today = FormatIso8601(SystemClock::Get().NowUnixSeconds()).substr(0, 10);
    AdvertExtraction x = (*extractor)->Extract(body, "", today);
    if (format == "json") {
      std::cout << ExtractionJson(x).dump(2) << "\n";
    } else {
      PrintExtractionText(x);
    }
  });
}

void RegisterPatterns(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("patterns", "Work with indicator pattern packs");
  cmd->require_subcommand(1);
  CLI::App* check = cmd->add_subcommand("check", "Compile every pack and run every example and counter-example");
  check->footer("Example:\n  plainsight patterns check --config config/plainsight.toml");
  check->callback([] {
    GlobalOptions& g = Globals();
    SetUpLogging(g);
    Config config = LoadConfigOrThrow(g);
    auto patterns = LoadPatternsOrThrow(config);
    std::vector<std::string> failures = patterns->Check();
    for (const std::string& failure : failures) std::cerr << failure << "\n";
    if (!failures.empty()) {
      throw CliError(kExitBadInput, std::to_string(failures.size()) + " pattern check(s) failed");
    }
    size_t examples = 0;
    for (const Indicator& i : patterns->indicators()) examples += i.examples.size() + i.counter_examples.size();
    std::cout << "patterns: " << patterns->indicators().size() << " indicators in "
              << config.pattern_paths.size() << " packs, " << examples
              << " examples and counter-examples, all pass\n";
  });
}

}  // namespace plainsight::cli
