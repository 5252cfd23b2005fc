#include "tests/farm2/farm2.h"

#include <algorithm>
#include <fstream>
#include <numeric>

#include <nlohmann/json.hpp>

#include "tests/farm/site_server.h"
#include "tests/farm2/benign_groups.h"
#include "tests/farm2/build_context.h"
#include "tests/farm2/ordinary_vacancies.h"
#include "tests/farm2/places.h"
#include "tests/farm2/planted_places.h"
#include "tests/farm2/profiles.h"
#include "tests/farm2/risky_labour.h"
#include "tests/farm2/risky_rings.h"
#include "tests/farm2/site_ids.h"
#include "tests/farm2/site_router.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {

struct Farm2::Servers {
  std::vector<std::unique_ptr<farm::SiteServer>> servers;
};

namespace {

std::vector<std::unique_ptr<SiteLayout>> MakeLayouts(BuildContext& ctx) {
  Rng rng = ctx.Stream("sites");
  auto info = [&](std::string name, Kind kind, std::string title, PhoneRange range,
                  std::string email, std::string address) {
    return SiteInfo{std::move(name), kind, std::move(title), ctx.phones().Take(range),
                    std::move(email), std::move(address)};
  };
  std::vector<std::unique_ptr<SiteLayout>> layouts;
  layouts.push_back(MakeHirelineLayout(info(
      "hireline-careers", Kind::kJobs, "HireLine Careers", PhoneRange::kGeographic,
      "support@hireline.example.com",
      "Albion House, 21 Gold Street, Northampton " + PostcodeInSector(rng, "NN1 1"))));
  layouts.push_back(MakeSwapshopLayout(info(
      "swapshop-classifieds", Kind::kJobs, "SwapShop", PhoneRange::kGeographic,
      "help@swapshop.example.org",
      "9 Sheep Street, Wellingborough " + PostcodeInSector(rng, "NN8 1"))));
  layouts.push_back(MakeAgencyBoardLayout(info(
      "agencyjobs-direct", Kind::kJobs, "AgencyJobs Direct", PhoneRange::kLondon,
      "support@agencyjobs-direct.example.com",
      "Midshires House, 5 Station Road, Kettering " + PostcodeInSector(rng, "NN15 7"))));
  layouts.push_back(MakeLocalworkLayout(info(
      "localwork-hub", Kind::kJobs, "LocalWork Hub", PhoneRange::kGeographic,
      "safety@localworkhub.example.org",
      "The Old Library, Church Lane, Corby " + PostcodeInSector(rng, "NN17 1"))));
  layouts.push_back(MakeMoonlitLayout(info(
      "moonlit-companions", Kind::kAdult, "Moonlit Companions", PhoneRange::kGeographic,
      "ads@moonlit-companions.example.com",
      "2nd Floor, 14 Regent Street, Leicester " + PostcodeInSector(rng, "LE1 6"))));
  layouts.push_back(MakeAmberLayout(info(
      "amber-lounge", Kind::kAdult, "Amber Lounge", PhoneRange::kLondon,
      "info@amberlounge.example.com",
      "Suite 5, 40 Midsummer Boulevard, Milton Keynes " + PostcodeInSector(rng, "MK9 2"))));
  return layouts;
}

}  // namespace

Farm2::Farm2(std::uint64_t seed) : seed_(seed) {
  BuildContext ctx(seed);
  // Planted exact numbers first, so nothing else can take them.
  AddRotatingTemplate(ctx);
  layouts_ = MakeLayouts(ctx);
  AddSharedPhoneRings(ctx);
  AddCopiedTextRings(ctx);
  AddExploitativeAgencies(ctx);
  AddRecruitmentLink(ctx);
  AddNationalAgency(ctx);
  AddSmallBusinesses(ctx);
  AddRepeatEmployer(ctx);
  AddAddressLookalikes(ctx);
  AddCrossposters(ctx);
  AddAtsVacancies(ctx);
  AddAgencyVacancies(ctx);
  AddLocalVacancies(ctx);
  AddClassifiedVacancies(ctx);
  AddOrdinaryProfiles(ctx);
  // Places last: they take phones after everything above.
  AddSharedHousing(ctx);
  AddDualUseAddress(ctx);
  AddPickUpPoints(ctx);
  AddPlaceDecoys(ctx);
  AddExistingPlaces(ctx);
  adverts_ = std::move(ctx.adverts());
  groups_ = std::move(ctx.groups());
  places_ = std::move(ctx.places());
  AddFooterPlaces();
  BuildPages();
}

Farm2::~Farm2() { Stop(); }

namespace {

// "Midshires House, 5 Station Road, Kettering NN15 7QT" as address
// ("Midshires House, 5 Station Road"), town and postcode.
TruthPlace FooterPlace(const SiteInfo& site) {
  const std::string& full = site.address;
  const std::size_t comma = full.rfind(", ");
  const std::string tail = full.substr(comma + 2);  // "Kettering NN15 7QT"
  std::size_t space = tail.rfind(' ');
  space = tail.rfind(' ', space - 1);
  TruthPlace place;
  place.name = "decoy-footer-" + site.name;
  place.of_concern = false;
  place.role = "premises";
  place.address = full.substr(0, comma);
  place.town = tail.substr(0, space);
  place.postcode = tail.substr(space + 1);
  place.description = "The site's own office address, in the footer of every page it serves "
                      "(so on every advert it carries): not a place of concern.";
  return place;
}

}  // namespace

void Farm2::AddFooterPlaces() {
  for (std::size_t s = 0; s < layouts_.size(); ++s) {
    TruthPlace place = FooterPlace(layouts_[s]->info());
    for (std::size_t i = 0; i < adverts_.size(); ++i)
      if (adverts_[i].site == static_cast<int>(s)) place.adverts.push_back(i);
    places_.push_back(std::move(place));
  }
}

void Farm2::BuildPages() {
  Rng rng = Rng(seed_).Fork("ids");
  pages_.assign(layouts_.size(), {});
  not_found_.assign(layouts_.size(), "");
  for (std::size_t s = 0; s < layouts_.size(); ++s) {
    const SiteLayout& layout = *layouts_[s];
    // Oldest first for ids, so ids grow with the posted date.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < adverts_.size(); ++i)
      if (adverts_[i].site == static_cast<int>(s)) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return adverts_[a].posted < adverts_[b].posted;
    });
    int id = layout.first_id();
    for (std::size_t i : order) {
      id += rng.Between(1, 9);
      adverts_[i].id = id;
      adverts_[i].path = layout.AdvertTarget(adverts_[i]);
    }
    // Listings show the newest first.
    AdvertList newest;
    for (auto it = order.rbegin(); it != order.rend(); ++it) newest.push_back(&adverts_[*it]);
    const int per_page = layout.per_page();
    const int pages = std::max(1, (static_cast<int>(newest.size()) + per_page - 1) / per_page);
    auto& site_pages = pages_[s];
    site_pages["/"] = layout.HomePage(pages);
    for (int page = 1; page <= pages; ++page) {
      const auto first = static_cast<std::size_t>((page - 1) * per_page);
      const auto last = std::min(newest.size(), first + static_cast<std::size_t>(per_page));
      AdvertList slice(newest.begin() + static_cast<std::ptrdiff_t>(first),
                       newest.begin() + static_cast<std::ptrdiff_t>(last));
      site_pages[layout.ListingTarget(page)] = layout.ListingPage(slice, page, pages);
    }
    for (std::size_t i = 0; i < newest.size(); ++i) {
      AdvertList others;
      for (std::size_t step : {5u, 11u, 17u, 23u}) {
        const Advert* other = newest[(i + step) % newest.size()];
        if (other != newest[i] && others.size() < 4) others.push_back(other);
      }
      const Advert& advert = *newest[i];
      std::string page = layout.AdvertPage(advert, others);
      if (!site_pages.emplace(advert.path, std::move(page)).second)
        throw std::runtime_error("farm2: two adverts at " + advert.path);
    }
    site_pages["/about"] = layout.InfoPage(
        "About us", layout.info().title + " has helped local people find what they need since 2011.");
    site_pages["/contact"] = layout.InfoPage(
        "Contact", "Write to us at " + layout.info().address + ".");
    not_found_[s] = layout.InfoPage("Page not found", "Sorry, that page has gone or never existed.");
  }
}

Status Farm2::Start() {
  if (servers_) return Status::OK();
  auto servers = std::make_unique<Servers>();
  for (std::size_t s = 0; s < layouts_.size(); ++s) {
    auto router = std::make_shared<const Farm2Router>(layouts_[s]->info().name, pages_[s], not_found_[s]);
    auto server = std::make_unique<farm::SiteServer>(router, &log_);
    Status status = server->Start();
    if (!status.ok()) {
      for (auto& started : servers->servers) started->Stop();
      return status;
    }
    servers->servers.push_back(std::move(server));
  }
  servers_ = std::move(servers);
  return Status::OK();
}

void Farm2::Stop() {
  if (!servers_) return;
  for (auto& server : servers_->servers) server->BeginStop();
  for (auto& server : servers_->servers) server->Stop();
  servers_.reset();
}

bool Farm2::started() const { return servers_ != nullptr; }

std::string Farm2::base_url(int site) const {
  if (!servers_) return "";
  return servers_->servers[static_cast<std::size_t>(site)]->base_url();
}

std::string Farm2::AdvertUrl(const Advert& advert) const { return base_url(advert.site) + advert.path; }

std::vector<TruthGroup> Farm2::truth() const {
  std::vector<TruthGroup> groups = groups_;
  for (TruthGroup& group : groups) {
    group.advert_urls.clear();
    for (std::size_t i : group.adverts) group.advert_urls.push_back(AdvertUrl(adverts_[i]));
  }
  return groups;
}

std::string Farm2::TruthJson() const {
  nlohmann::json groups = nlohmann::json::array();
  for (const TruthGroup& group : truth()) {
    groups.push_back({{"name", group.name},
                      {"risky", group.risky},
                      {"description", group.description},
                      {"advert_urls", group.advert_urls}});
  }
  nlohmann::json doc = {{"seed", seed_}, {"groups", groups}};
  return doc.dump(2) + "\n";
}

Status Farm2::WriteTruthJson(const std::string& path) const {
  std::ofstream out(path);
  out << TruthJson();
  if (!out) return Status::IoError("cannot write " + path);
  return Status::OK();
}

std::vector<TruthPlace> Farm2::truth_places() const {
  std::vector<TruthPlace> places = places_;
  for (TruthPlace& place : places) {
    place.advert_urls.clear();
    for (std::size_t i : place.adverts) place.advert_urls.push_back(AdvertUrl(adverts_[i]));
  }
  return places;
}

std::string Farm2::TruthPlacesJson() const {
  nlohmann::json places = nlohmann::json::array();
  for (const TruthPlace& place : truth_places()) {
    places.push_back({{"name", place.name},
                      {"of_concern", place.of_concern},
                      {"role", place.role},
                      {"address", place.address},
                      {"postcode", place.postcode},
                      {"town", place.town},
                      {"description", place.description},
                      {"advert_urls", place.advert_urls}});
  }
  nlohmann::json doc = {{"seed", seed_}, {"places", places}};
  return doc.dump(2) + "\n";
}

Status Farm2::WriteTruthPlacesJson(const std::string& path) const {
  std::ofstream out(path);
  out << TruthPlacesJson();
  if (!out) return Status::IoError("cannot write " + path);
  return Status::OK();
}

std::string Farm2::Snapshot() const {
  std::string out;
  for (std::size_t s = 0; s < pages_.size(); ++s)
    for (const auto& [target, page] : pages_[s])
      out += "== " + layouts_[s]->info().name + " " + target + "\n" +
             WithBase(page, "http://127.0.0.1:0") + "\n";
  return out;
}

}  // namespace plainsight::farm2
