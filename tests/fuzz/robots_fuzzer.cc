// robots.txt parsing and matching (crawler/robots_rules.h, robots_parser.h).
// Input: first line = the path to ask about, the rest = the robots.txt body.
//
// Properties: nothing crashes or hangs; the parser reports records between
// one start and one end with line numbers >= 1 that never go back; and
// "/robots.txt" is always allowed (RFC 9309 section 2.2.2); a Crawl-delay,
// when one is kept, is a finite number of seconds >= 0 (the crawler sleeps it).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "crawler/robots_parser.h"
#include "crawler/robots_rules.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

// Checks the shape of the callback sequence, not its content.
class OrderCheckingHandler : public plainsight::RobotsParseHandler {
 public:
  void HandleRobotsStart() override {
    FUZZ_CHECK(!started_, "HandleRobotsStart called twice");
    started_ = true;
  }
  void HandleRobotsEnd() override {
    FUZZ_CHECK(started_ && !ended_, "HandleRobotsEnd without start, or twice");
    ended_ = true;
  }
  void HandleUserAgent(int line, std::string_view) override { Line(line); }
  void HandleAllow(int line, std::string_view) override { Line(line); }
  void HandleDisallow(int line, std::string_view) override { Line(line); }
  void HandleSitemap(int line, std::string_view) override { Line(line); }
  void HandleCrawlDelay(int line, std::string_view) override { Line(line); }
  void HandleUnknownAction(int line, std::string_view, std::string_view) override { Line(line); }

  bool complete() const { return started_ && ended_; }

 private:
  void Line(int line) {
    FUZZ_CHECK(started_ && !ended_, "record reported outside start/end");
    FUZZ_CHECK(line >= 1 && line >= last_line_, "line numbers must start at 1 and never go back");
    last_line_ = line;
  }

  bool started_ = false;
  bool ended_ = false;
  int last_line_ = 1;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [path, body] = plainsight::fuzz::SplitFirstLine(plainsight::fuzz::AsText(data, size));

  OrderCheckingHandler handler;
  plainsight::ParseRobotsTxt(body, &handler);
  FUZZ_CHECK(handler.complete(), "ParseRobotsTxt must call start and end once each");

  plainsight::RobotsRules rules =
      plainsight::RobotsRules::Parse(body, "plainsight/1.0 (+https://example.org/contact)");
  (void)rules.Allowed(path);
  if (std::optional<double> delay = rules.crawl_delay_seconds()) {
    FUZZ_CHECK(std::isfinite(*delay) && *delay >= 0, "Crawl-delay must be finite and >= 0");
  }
  FUZZ_CHECK(rules.Allowed("/robots.txt"), "/robots.txt must always be allowed");
  return 0;
}
