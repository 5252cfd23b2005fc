// `leads` and `show`.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/image_view.h"
#include "cli/json_output.h"
#include "cli/lead_table.h"
#include "cli/place_view.h"
#include "core/clock.h"
#include "leads/lead_selection.h"
#include "leads/timeline.h"
#include "places/place_formats.h"

namespace plainsight::cli {
namespace {

struct LeadsArgs {
  std::string format = "table";
  double min_score = -1;
  int limit = 0;
  std::string status;
  std::string since;
  std::string site;
  std::string kind;
  std::string category;
};

// The match in its sentence: bold red on a terminal, [brackets] otherwise.
std::string Highlight(const std::string& text, const std::string& match, bool ansi) {
  size_t at = match.empty() ? std::string::npos : text.find(match);
  if (at == std::string::npos) return "\"" + match + "\"";
  size_t begin = at > 40 ? text.rfind(' ', at - 40) : 0;
  begin = begin == std::string::npos ? 0 : begin;
  size_t end = std::min(text.size(), at + match.size() + 40);
  size_t space = text.find(' ', end);
  end = space == std::string::npos ? text.size() : space;
  std::string before = text.substr(begin, at - begin), after = text.substr(at + match.size(), end - at - match.size());
  for (std::string* part : {&before, &after}) {
    for (char& c : *part) c = (c == '\n' || c == '\t') ? ' ' : c;
  }
  std::string marked = ansi ? "\033[1;31m" + match + "\033[0m" : "[" + match + "]";
  return (begin > 0 ? "…" : "") + before + marked + after + (end < text.size() ? "…" : "");
}

void PrintAdvertText(std::ostream& out, const AdvertRecord& a) {
  out << a.id << "  " << a.title << "\n"
      << "  url:        " << a.url << "\n"
      << "  site:       " << a.site << " (" << a.kind << ")\n"
      << "  seen:       " << FormatIso8601(a.first_seen) << " .. " << FormatIso8601(a.last_seen)
      << (a.removed ? "  REMOVED " + FormatIso8601(a.removed_at) : "") << "\n"
      << "  sha256:     " << a.sha256 << "\n";
  auto list = [&](const char* name, const std::vector<std::string>& values) {
    if (values.empty()) return;
    out << "  " << name;
    for (const auto& v : values) out << " " << v;
    out << "\n";
  };
  list("phones:    ", a.phones);
  list("emails:    ", a.emails);
  list("handles:   ", a.handles);
  list("postcodes: ", a.postcodes);
  list("addresses: ", a.addresses);
  list("towns:     ", a.towns);
  for (const PayRecord& p : a.pay) {
    out << "  pay:        " << p.match;
    if (p.hourly) out << "  (= £" << *p.hourly << "/h)";
    out << "\n";
  }
  if (!a.warc_file.empty()) {
    out << "  evidence:   warc/" << a.warc_file << " @ " << a.warc_offset << " (+" << a.warc_length
        << " bytes), payload sha256 " << a.sha256 << "\n";
  }
  const bool ansi = ::isatty(STDOUT_FILENO) == 1;
  for (const IndicatorRecord& hit : a.indicators) {
    out << "  indicator:  " << hit.id << " [" << hit.category << "]\n";
    out << "              " << Highlight(a.title + "\n" + a.text, hit.match, ansi) << "\n";
  }
}

}  // namespace

void RegisterLeads(CLI::App& app) {
  static LeadsArgs args;
  CLI::App* cmd = app.add_subcommand("leads", "List leads, strongest first");
  cmd->footer("Example:\n  plainsight leads --min-score 5 --format json");
  cmd->add_option("--format", args.format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("--min-score", args.min_score, "only leads scoring at least this (default: leads.min_score)");
  cmd->add_option("--limit", args.limit, "at most this many leads");
  cmd->add_option("--status", args.status, "only leads with this status")
      ->check(CLI::IsMember({"new", "updated", "reviewed", "escalated", "dismissed"}));
  cmd->add_option("--since", args.since, "only leads created or updated since (ISO 8601, or 24h / 7d)");
  cmd->add_option("--site", args.site, "only leads with an advert on this site");
  cmd->add_option("--kind", args.kind, "only leads with adverts of this kind")
      ->check(CLI::IsMember({"jobs", "adult"}));
  cmd->add_option("--category", args.category, "only leads with an indicator of this category");
  cmd->callback([] {
    auto [config, patterns, store] = BeginStoreCommand(StoreAccess::kReadOnly);
    double min_score = args.min_score >= 0 ? args.min_score : config.leads.min_score;
    std::int64_t since = 0;
    if (!args.since.empty() && !ParseTimeSpec(args.since, SystemClock::Get().NowUnixSeconds(), &since)) {
      throw CliError(kExitBadInput, "--since: not a date, time or age: " + args.since);
    }
    LeadFilter filter;
    filter.min_score = min_score;
    filter.status = args.status;
    filter.since = since;
    filter.site = args.site;
    filter.kind = args.kind;
    filter.category = args.category;
    filter.limit = args.limit > 0 ? static_cast<size_t>(args.limit) : 0;
    auto selected = SelectLeads(*store, filter);
    if (!selected.ok()) throw CliError(kExitStore, selected.status().ToString());
    const std::vector<LeadRecord>& leads = *selected;
    AuditOrThrow(config, "leads", static_cast<std::int64_t>(leads.size()));
    if (args.format == "json") {
      nlohmann::json out = {{"leads", nlohmann::json::array()}};
      for (const LeadRecord& lead : leads) out["leads"].push_back(LeadJson(lead, *store));
      std::cout << out.dump(2) << "\n";
    } else {
      PrintLeadTable(std::cout, leads, *store);
    }
  });
}

void RegisterShow(CLI::App& app) {
  static std::string id;
  static std::string format = "table";
  CLI::App* cmd = app.add_subcommand("show", "Show one lead (L-…), place (P-…) or advert (A-…) with its evidence");
  cmd->footer("Example:\n  plainsight show L-3f2a9c0d11aa");
  cmd->add_option("ID", id, "lead, place or advert id")->required();
  cmd->add_option("--format", format, "table or json")->check(CLI::IsMember({"table", "json"}));
  cmd->callback([] {
    auto [config, patterns, store] = BeginStoreCommand(StoreAccess::kReadOnly);
    if (id.rfind("P-", 0) == 0) {
      PlaceRecord place = FindPlaceOrThrow(config, *store, id);
      AuditOrThrow(config, "show", static_cast<std::int64_t>(place.advert_ids.size()));
      if (format == "json") {
        std::cout << PlaceJson(place, true).dump(2) << "\n";
      } else {
        PrintPlace(std::cout, place);
      }
      return;
    }
    if (id.rfind("A-", 0) == 0) {
      auto advert = store->GetAdvert(id);
      if (!advert.ok()) throw CliError(kExitStore, advert.status().ToString());
      if (!advert->has_value()) throw CliError(kExitBadInput, "no advert " + id);
      auto photos = ImagesOfAdvert(*store, id);
      if (!photos.ok()) throw CliError(kExitStore, photos.status().ToString());
      AuditOrThrow(config, "show", 1);
      if (format == "json") {
        nlohmann::json out = AdvertJson(**advert, *photos);
        out["photos"] = AdvertPhotosJson(*photos, PhotoMatches::kWithMatches);
        std::cout << out.dump(2) << "\n";
      } else {
        PrintAdvertText(std::cout, **advert);
        PrintAdvertPhotos(std::cout, *photos);
      }
      return;
    }
    auto lead = store->GetLead(id);
    if (!lead.ok()) throw CliError(kExitStore, lead.status().ToString());
    if (!lead->has_value()) throw CliError(kExitBadInput, "no lead " + id);
    const LeadRecord& l = **lead;
    AuditOrThrow(config, "show", static_cast<std::int64_t>(l.advert_ids.size()));
    if (format == "json") {
      std::cout << LeadJson(l, *store).dump(2) << "\n";
      return;
    }
    std::printf("%s  score %.1f  status %s  (%zu adverts)\n", l.id.c_str(), l.score,
                l.status.c_str(), l.advert_ids.size());
    std::cout << "Why it scored:\n";
    for (size_t i = 0; i < l.reasons.size(); ++i) {
      std::printf("  %+6.1f  %s\n", i < l.reason_points.size() ? l.reason_points[i] : 0.0,
                  l.reasons[i].c_str());
    }
    if (!l.links.empty()) {
      // Strong links build leads; weak ones only score, or join adverts
      // when a template carries risk (leads/link_graph.h).
      std::cout << "\nLinks (strong: phone, e-mail, full address; weak: the rest):\n";
      for (const LeadLink& link : l.links) {
        std::printf("  %-6s %-18s %s in %zu adverts%s\n", link.strength.c_str(), link.type.c_str(),
                    link.value.c_str(), link.adverts, link.joined ? "" : " (did not join adverts)");
      }
    }
    if (!l.images.empty()) {
      std::cout << "\nShared photos (PDQ of each matching set; `show A-…` lists an advert's "
                   "images and matches):\n";
      for (const std::string& image : l.images) std::cout << "  " << image << "\n";
    }
    if (!l.template_text.empty()) {
      std::cout << "\nShared template (near-duplicate wording; {N} = what varies):\n  "
                << l.template_text << "\n";
      for (size_t i = 0; i < l.template_slots.size(); ++i) {
        std::cout << "  {" << i + 1 << "}:";
        for (std::string v : l.template_slots[i]) {
          for (char& c : v) c = (c == '\n' || c == '\t') ? ' ' : c;
          std::cout << " \"" << v << "\"";
        }
        std::cout << "\n";
      }
    }
    auto timelines = BuildTimelines(*store, l);
    if (timelines.ok() && !timelines->empty()) {
      std::cout << "\nTimelines:\n";
      for (const EntityTimeline& t : *timelines) {
        std::cout << "  " << t.type << " " << t.value << ": " << FormatIso8601(t.first_seen).substr(0, 10)
                  << " .. " << FormatIso8601(t.last_seen).substr(0, 10) << ", adverts per day";
        for (const auto& [day, n] : t.adverts_per_day) std::cout << " " << day.substr(5) << ":" << n;
        std::cout << "; towns";
        for (const auto& town : t.towns) std::cout << " " << town;
        std::cout << "; sites";
        for (const auto& site : t.sites) std::cout << " " << site;
        std::cout << "\n";
      }
    }
    std::cout << "\nAdverts:\n";
    for (const std::string& advert_id : l.advert_ids) {
      auto advert = store->GetAdvert(advert_id);
      if (!advert.ok() || !advert->has_value()) continue;
      PrintAdvertText(std::cout, **advert);
      auto listed = LoadAdvertImages(*store, advert_id);
      if (!listed.ok()) continue;
      for (const AdvertImage& image : *listed) {
        std::cout << "  image:      " << image.url << "  "
                  << (image.sha256.empty() ? "(not kept)" : "sha256 " + image.sha256) << "\n";
      }
    }
  });
}

}  // namespace plainsight::cli
