// hostile-board: a jobs board whose listing pages link, besides a few
// ordinary vacancies at /job/ID, to fault endpoints dressed as vacancy
// URLs (/job/bomb, /job/endless, ...; see kHostileEndpoints), and which
// carries two crawler traps: endless pagination (/list?page=N answers for
// every N and links to N+1, with no vacancies after page 3) and a
// repeated-path trap (/a/, /a/a/, /a/a/a/, ...). Its robots.txt asks for
// Crawl-delay: 1. See tests/farm/README.md for what each endpoint does.
//
// HostileRouter answers from an immutable SiteSpec plus two atomic
// counters (for /job/rate-limited and /job/flaky), so one instance serves
// every worker thread at once and keeps its counters across Stop/Start:
// "the first time" means the first time for this farm.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "tests/farm/site_model.h"
#include "tests/farm/site_reply.h"

namespace plainsight::farm {

struct HostileEndpoint {
  const char* name;  // "bomb"
  const char* path;  // "/job/bomb"
};

// Every fault endpoint, in listing order.
inline constexpr HostileEndpoint kHostileEndpoints[] = {
    {"bomb", "/job/bomb"},
    {"huge", "/job/huge"},
    {"endless", "/job/endless"},
    {"slow", "/job/slow"},
    {"truncated", "/job/truncated"},
    {"loop1", "/job/loop1"},
    {"redirect-chain", "/job/redirect-chain"},
    {"pdf", "/job/pdf"},
    {"latin1", "/job/latin1"},
    {"broken", "/job/broken"},
    {"rate-limited", "/job/rate-limited"},
    {"flaky", "/job/flaky"},
    {"private-redirect", "/job/private-redirect"},
};

inline constexpr char kLoop2Path[] = "/job/loop2";
inline constexpr int kRedirectChainHops = 7;
// Where the chain ends: "/job/redirect-chain-7".
std::string RedirectChainPath(int hop);
inline constexpr int kHostileListingPagesWithAdverts = 3;
inline constexpr char kPathTrapPath[] = "/a/";
inline constexpr char kPrivateRedirectTarget[] = "http://169.254.169.254/latest/meta-data/";
// Contacts on the fault pages, reserved so no ordinary advert uses them.
inline constexpr char kBrokenPagePhone[] = "07700900777";
inline constexpr char kLatin1PagePhone[] = "07700900778";

// The listing path for page `page` ("/list?page=2").
std::string HostileListingPath(int page);
// RE2 for what follows the base URL.
inline constexpr char kHostileListingPattern[] = R"(/list\?page=\d+)";
inline constexpr char kHostilePathTrapPattern[] = R"(/a/(a/)*)";
inline constexpr char kHostileAdvertPattern[] = R"(/job/[a-z0-9-]+)";

class HostileRouter final : public Router {
 public:
  // `site` holds hostile-board's footer and ordinary vacancies.
  explicit HostileRouter(std::shared_ptr<const SiteSpec> site);

  const std::string& site_name() const override { return site_->name; }
  SiteReply Handle(const SiteRequest& request) const override;

 private:
  SiteReply Fault(const SiteRequest& request, const std::string& path) const;
  SiteReply Page(int status, const std::string& title, const std::string& main) const;
  SiteReply Listing(int page) const;
  SiteReply Redirect(const std::string& location) const;

  const std::shared_ptr<const SiteSpec> site_;
  mutable std::atomic<int> rate_limited_hits_{0};
  mutable std::atomic<int> flaky_hits_{0};
};

}  // namespace plainsight::farm
