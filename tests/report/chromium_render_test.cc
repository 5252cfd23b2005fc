// The HTML report renders in a real browser (headless Chromium, offline
// flags) without console errors, and the screenshot has real content.
// Chromium comes from scripts/install-test-tools; without it this test
// fails rather than skipping, so a missing tool is never mistaken for a pass.
#include <catch2/catch.hpp>
#include <sstream>

#include "tests/report/report_fixture.h"

namespace plainsight {
namespace {

using namespace plainsight::testing;

// Screenshots `html` into `png` with network-free flags; returns the exit
// status and puts Chromium's log (console messages included) in *log.
int RenderWithChromium(const std::string& profile, const std::string& html, const std::string& png,
                       std::string* log) {
  const std::string command =
      "timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync --user-data-dir=" +
      profile + " --screenshot=" + png + " --window-size=1280,2000 --enable-logging=stderr --v=0 file://" +
      html;
  return RunShell(command, log);
}

void RequireChromium() {
  if (RunShell("command -v chromium") != 0) {
    FAIL("chromium is not installed: run scripts/install-test-tools");
  }
}

bool MentionsConsoleError(const std::string& line, const std::string& page) {
  const bool console = line.find("Uncaught") != std::string::npos ||
                       line.find("ERROR:CONSOLE") != std::string::npos ||
                       line.find(":CONSOLE(") != std::string::npos;
  return console && line.find(page) != std::string::npos;
}

// The check below is only worth something if a broken page is caught.
TEST_CASE("ReportRender_Chromium_ConsoleErrorsAreCaptured") {
  RequireChromium();
  TempDir dir;
  const std::string html = dir.path + "/broken.html";
  WriteText(html, "<!DOCTYPE html><html><body><p>x</p><script>undefined_function();</script></body></html>");
  std::string log;
  REQUIRE(RenderWithChromium(dir.path + "/profile", html, dir.path + "/broken.png", &log) == 0);
  std::istringstream lines(log);
  bool caught = false;
  for (std::string line; std::getline(lines, line);) caught = caught || MentionsConsoleError(line, "broken.html");
  INFO(log);
  CHECK(caught);
}

TEST_CASE("ReportRender_Chromium_ScreenshotWithoutConsoleErrors") {
  RequireChromium();
  TempDir dir;
  const std::string store_dir = dir.path + "/store";
  WriteSampleStore(store_dir, MakeSample(SystemClock::Get().NowUnixSeconds()));
  const std::string config = WriteConfig(dir.path, store_dir);
  const std::string html = dir.path + "/report.html";
  RunResult run = RunPlainsight({"--config", config, "report", "--out", html});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);

  const std::string png = dir.path + "/report.png";
  std::string log;
  const int status = RenderWithChromium(dir.path + "/profile", html, png, &log);
  INFO(log);
  REQUIRE(status == 0);
  REQUIRE(fs::exists(png));
  CHECK(fs::file_size(png) > 10 * 1024);
  // Console errors name the page; Chromium's own noise (dbus, gpu) does not.
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK_FALSE(MentionsConsoleError(line, "report.html"));
    CHECK(line.find("Refused to") == std::string::npos);  // a CSP violation
  }
}

}  // namespace
}  // namespace plainsight
