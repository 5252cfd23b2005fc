// extract_bench: how fast plainsight turns advert HTML into an extraction,
// measured against gumbo parsing the same bytes and doing nothing else.
//
// Generates realistic advert pages in memory (20-60 KB each: nav and footer
// chrome, inline styles and scripts, JSON-LD on some, jobs and adult-style
// bland wording, phones only from Ofcom's drama range 07700 900000-900999,
// emails only @example.org), deterministically from --seed. Then times, on
// one thread, best of --runs:
//   (a) gumbo_parse_with_options + gumbo_destroy_output per page, with the
//       options plainsight uses (max_errors = 0);
//   (b) AdvertExtractor::Extract per page (charset, gumbo, text, links,
//       fields, JSON-LD, phones, emails, postcodes, addresses, pay, and the
//       indicator packs config/patterns/{adult,jobs}.toml).
// The passes alternate (a, b, a, b, ...) so both meet the same machine, and
// are timed by this thread's CPU time as well as wall time.
// Prints MB/s and pages/s for both and (b)/(a): the target is >= 0.8, i.e.
// everything plainsight adds costs at most a quarter of the parse.
//
// The last lines are "key=value" figures for scripts/bench to collect.
// Exit status 1 if the extraction finds nothing (a broken bench, not a
// slow one).
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "extractors/advert_extractor.h"
#include "patterns/pattern_set.h"

namespace {

using plainsight::AdvertExtraction;
using plainsight::AdvertExtractor;

// splitmix64: tiny, fast, and the same sequence on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return static_cast<size_t>(Next() % n); }
  bool Chance(int percent) { return Below(100) < static_cast<size_t>(percent); }
  template <size_t N>
  const char* Pick(const char* const (&items)[N]) {
    return items[Below(N)];
  }

 private:
  std::uint64_t state_;
};

const char* const kTowns[] = {"Northampton", "Kettering", "Corby",     "Wellingborough",
                              "Daventry",    "Boston",    "Spalding",  "Peterborough",
                              "Leicester",   "Luton",     "Bedford",   "Milton Keynes"};
const char* const kPostcodes[] = {"NN1 1AA", "NN15 6XY", "NN17 2AB", "NN8 4DE", "NN11 4GH",
                                  "PE21 8QR", "PE11 1AB", "PE1 5DD", "LE1 6ZZ", "MK9 2EA"};
const char* const kStreets[] = {"12 Market Street", "4 Station Road", "27 Church Lane",
                                "9 Mill Road", "51 High Street", "3 Victoria Avenue"};
const char* const kJobTitles[] = {"Warehouse operative", "Packhouse worker", "Fruit picker",
                                  "Car wash attendant", "Kitchen porter", "Cleaner",
                                  "Factory line worker", "Labourer", "Delivery driver"};
const char* const kAdultTitles[] = {"Relaxing massage", "Friendly companion",
                                    "Relaxing evenings", "Companionship and conversation",
                                    "Calm and friendly massage", "Evening companionship"};
const char* const kFiller[] = {
    "We are a busy and growing team looking for reliable people.",
    "Please read the full description before you get in touch.",
    "Our customers come back because we take care over every detail.",
    "The role suits someone who enjoys working as part of a friendly team.",
    "Appointments are available through the week and at weekends.",
    "The premises are clean, warm and easy to reach by bus.",
    "Parking is available nearby and the area is well lit.",
    "Tea and coffee are always on offer while you wait.",
    "Shifts are agreed a week in advance and rotas are shared on Sunday.",
    "Full safety training is given on the first morning.",
};
// Indicator wording from the packs' own examples, so matching has work to do.
const char* const kJobSigns[] = {
    "Accommodation provided on site.", "Transport provided from Boston town centre.",
    "Pick up at 4:30am from the town centre.", "Work 7 days a week in peak season.",
    "Registration fee £150 before you start.", "Rent is deducted from your wages each week.",
    "No English needed, start tomorrow.", "Apply via WhatsApp only.",
    "Paid in cash every Friday.", "No experience needed, full training given."};
const char* const kAdultSigns[] = {
    "New in town, relaxing massage.", "Limited time only, leaving soon.",
    "New girls every week.", "Call the manager to book.", "Available 24/7.",
    "Cheap rates all week.", "100% real photos.", "References required for first visit."};
const char* const kPay[] = {"£8.50 per hour", "£10.42 an hour", "£450 per week",
                            "£11.44 per hour", "£70 per day", "£6 per hour"};

std::string Phone(Rng& rng) {
  char digits[8];
  std::snprintf(digits, sizeof digits, "%03u", static_cast<unsigned>(rng.Below(1000)));
  switch (rng.Below(4)) {
    case 0: return std::string("07700 900") + digits;
    case 1: return std::string("07700900") + digits;
    case 2: return std::string("+44 7700 900") + digits;
    default: return std::string("07700-900-") + digits;
  }
}

std::string Email(Rng& rng) {
  const char* const names[] = {"bookings", "jobs", "hello", "office", "info", "work"};
  return std::string(rng.Pick(names)) + std::to_string(rng.Below(500)) + "@example.org";
}

void AppendStyle(Rng& rng, std::string* html) {
  *html += "<style>\n";
  size_t rules = 40 + rng.Below(60);
  for (size_t i = 0; i < rules; ++i) {
    *html += ".c" + std::to_string(i) + " .item-" + std::to_string(rng.Below(100)) +
             " { margin: " + std::to_string(rng.Below(20)) + "px; padding: 4px 8px; color: #" +
             std::to_string(100 + rng.Below(800)) + "; font-size: 0.9rem; }\n";
  }
  *html += "</style>\n";
}

void AppendScript(Rng& rng, std::string* html) {
  *html += "<script>\n(function(w,d){var cfg={site:'board',page:'advert',slots:[";
  size_t slots = 20 + rng.Below(40);
  for (size_t i = 0; i < slots; ++i) {
    *html += "{id:'slot-" + std::to_string(i) + "',size:[300,250],lazy:" +
             (rng.Chance(50) ? "true" : "false") + "},";
  }
  *html += "]};w.__cfg=cfg;if(d.readyState!=='loading'&&cfg.slots.length<0){d.write('<p>x</p>');}"
           "function track(e){var i=new Image();i.src='/t?e='+encodeURIComponent(e);}"
           "d.addEventListener('click',function(ev){track(ev.target.id);});})(window,document);\n"
           "</script>\n";
}

void AppendNav(std::string* html) {
  *html += "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Board</a>\n<nav><ul>";
  for (const char* town : kTowns) {
    *html += "<li><a href=\"/search?town=" + std::string(town) + "&amp;page=1\">" + town +
             "</a></li>";
  }
  for (int i = 0; i < 20; ++i) {
    *html += "<li><a href=\"/category/" + std::to_string(i) + "?ref=nav\">Category " +
             std::to_string(i) + "</a></li>";
  }
  *html += "</ul></nav>\n<form action=\"/search\"><input name=\"q\" placeholder=\"Search\">"
           "<select name=\"town\">";
  for (const char* town : kTowns) *html += std::string("<option>") + town + "</option>";
  *html += "</select><button>Go</button></form></header>\n";
}

void AppendFooter(Rng& rng, std::string* html) {
  *html += "<footer><div class=\"cols\">";
  for (int col = 0; col < 4; ++col) {
    *html += "<ul>";
    for (int i = 0; i < 12; ++i) {
      *html += "<li><a href=\"/help/" + std::to_string(col * 12 + i) + "\">Help topic " +
               std::to_string(col * 12 + i) + "</a></li>";
    }
    *html += "</ul>";
  }
  *html += "</div><p>Site support: 020 7946 0" + std::to_string(100 + rng.Below(800)) +
           " or support@example.org. &copy; 2026 Board Ltd.</p></footer>\n";
}

void AppendJsonLd(Rng& rng, bool jobs, const std::string& title, const std::string& town,
                  std::string* html) {
  *html += "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",";
  if (jobs) {
    *html += "\"@type\":\"JobPosting\",\"title\":\"" + title + "\",\"datePosted\":\"2026-01-" +
             std::to_string(10 + rng.Below(18)) +
             "\",\"description\":\"<p>Full time work in " + town +
             ". Shifts agreed weekly.</p>\",\"hiringOrganization\":{\"@type\":\"Organization\","
             "\"name\":\"Staffing Ltd\"},\"jobLocation\":{\"@type\":\"Place\",\"address\":{"
             "\"@type\":\"PostalAddress\",\"addressLocality\":\"" +
             town + "\",\"postalCode\":\"" + rng.Pick(kPostcodes) +
             "\"}},\"baseSalary\":{\"@type\":\"MonetaryAmount\",\"currency\":\"GBP\",\"value\":{"
             "\"@type\":\"QuantitativeValue\",\"value\":9.5,\"unitText\":\"HOUR\"}}}";
  } else {
    *html += "\"@type\":\"Service\",\"name\":\"" + title + "\",\"description\":\"Relaxing evenings in " +
             town + "\",\"provider\":{\"@type\":\"Person\",\"name\":\"Anna\",\"telephone\":\"" +
             Phone(rng) + "\"}}";
  }
  *html += "</script>\n";
}

void AppendCard(Rng& rng, bool jobs, std::string* html) {
  std::string town = rng.Pick(kTowns);
  *html += "<li class=\"card\"><a href=\"/ad/" + std::to_string(rng.Below(1000000)) +
           "\"><img src=\"/img/" + std::to_string(rng.Below(9999)) +
           ".jpg\" alt=\"\" loading=\"lazy\"><span class=\"t\">" +
           (jobs ? rng.Pick(kJobTitles) : rng.Pick(kAdultTitles)) + "</span></a><span class=\"l\">" +
           town + "</span><p>" + rng.Pick(kFiller) + "</p></li>\n";
}

// One advert page of about `target_bytes`.
std::string MakePage(Rng& rng, bool jobs, size_t target_bytes) {
  std::string title = jobs ? rng.Pick(kJobTitles) : rng.Pick(kAdultTitles);
  std::string town = rng.Pick(kTowns);
  std::string html;
  html.reserve(target_bytes + 8192);
  html += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + title +
          " in " + town + " | Board</title>\n<meta name=\"viewport\" content=\"width=device-width\">"
          "\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n<link rel=\"canonical\" href=\"/ad/" +
          std::to_string(rng.Below(1000000)) + "\">\n";
  AppendStyle(rng, &html);
  AppendScript(rng, &html);
  if (rng.Chance(40)) AppendJsonLd(rng, jobs, title, town, &html);
  html += "</head><body>\n";
  AppendNav(&html);
  html += "<main><div class=\"crumbs\"><a href=\"/\">Home</a> &gt; <a href=\"/search?town=" +
          town + "\">" + town + "</a></div>\n<article>\n<h1 class=\"ad-title\">" + title + "</h1>\n"
          "<p class=\"meta\"><span class=\"location\">" + town + "</span> &middot; posted <time>2026-01-" +
          std::to_string(10 + rng.Below(18)) + "</time></p>\n<div class=\"description\">\n";
  size_t paragraphs = 3 + rng.Below(5);
  for (size_t i = 0; i < paragraphs; ++i) {
    html += "<p>";
    for (size_t s = 0; s < 3 + rng.Below(4); ++s) {
      html += rng.Pick(kFiller);
      html += ' ';
    }
    if (rng.Chance(60)) html += jobs ? rng.Pick(kJobSigns) : rng.Pick(kAdultSigns);
    html += "</p>\n";
  }
  if (jobs) html += std::string("<p>Pay: ") + rng.Pick(kPay) + ", 10 hour shifts.</p>\n";
  html += "<p>Call or text " + Phone(rng) + (rng.Chance(30) ? " or " + Phone(rng) : "") +
          ". Email " + Email(rng) + ".</p>\n";
  if (rng.Chance(50)) {
    html += std::string("<p>Address: ") + rng.Pick(kStreets) + ", " + town + " " +
            rng.Pick(kPostcodes) + "</p>\n";
  }
  html += "</div>\n</article>\n<aside><h2>Similar adverts</h2><ul>\n";
  // Chrome fills the page to its size, as "similar adverts" do on real boards.
  std::string footer;
  AppendFooter(rng, &footer);
  while (html.size() + footer.size() + 200 < target_bytes) AppendCard(rng, jobs, &html);
  html += "</ul></aside></main>\n" + footer +
          "<script src=\"/static/app.js\" defer></script>\n</body></html>\n";
  return html;
}

struct Page {
  std::string html;
  bool jobs = false;
};

std::vector<Page> MakePages(size_t count, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<Page> pages;
  pages.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    bool jobs = i % 2 == 0;
    size_t target = 20 * 1024 + rng.Below(40 * 1024);
    pages.push_back({MakePage(rng, jobs, target), jobs});
  }
  return pages;
}

// Wall time, and this thread's CPU time: the machine is often shared (a
// build next door), and CPU time is what the other load does not inflate.
struct Timing {
  double wall = 0;
  double cpu = 0;
};

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// One timed pass; keeps the better CPU and wall times in *best.
template <typename Pass>
void TimeOnce(Pass pass, Timing* best) {
  auto start = std::chrono::steady_clock::now();
  double cpu_start = ThreadCpuSeconds();
  pass();
  double cpu = ThreadCpuSeconds() - cpu_start;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (best->cpu == 0 || cpu < best->cpu) best->cpu = cpu;
  if (best->wall == 0 || wall < best->wall) best->wall = wall;
}

struct Totals {
  size_t phones = 0, emails = 0, postcodes = 0, pay = 0, indicators = 0, links = 0;
};

std::shared_ptr<const AdvertExtractor> MakeExtractor(
    const char* kind, std::shared_ptr<const plainsight::PatternSet> patterns) {
  plainsight::ExtractorOptions options;
  options.kind = kind;
  options.fields.title = "h1.ad-title";
  options.fields.body = "div.description";
  options.fields.location = "span.location";
  options.fields.posted = "time";
  auto extractor = AdvertExtractor::Create(std::move(options), std::move(patterns));
  if (!extractor.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", extractor.status().ToString().c_str());
    std::exit(1);
  }
  return std::move(extractor).value();
}

int Usage() {
  std::fprintf(stderr, "usage: extract_bench [--pages N] [--runs N] [--seed N] [--only gumbo|extract]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  size_t page_count = 2000;
  int runs = 3;
  std::uint64_t seed = 20260115;
  std::string only;  // for profiling one side alone
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const char* value = argv[++i];
    if (arg == "--pages") {
      page_count = std::strtoul(value, nullptr, 10);
    } else if (arg == "--runs") {
      runs = std::max(1, std::atoi(value));
    } else if (arg == "--seed") {
      seed = std::strtoull(value, nullptr, 10);
    } else if (arg == "--only") {
      only = value;
    } else {
      return Usage();
    }
  }
  if (page_count == 0) return Usage();

  auto patterns = plainsight::PatternSet::LoadFiles(
      {PLAINSIGHT_SOURCE_DIR "/config/patterns/adult.toml",
       PLAINSIGHT_SOURCE_DIR "/config/patterns/jobs.toml"});
  if (!patterns.ok()) {
    std::fprintf(stderr, "extract_bench: %s\n", patterns.status().ToString().c_str());
    return 1;
  }
  auto jobs_extractor = MakeExtractor("jobs", *patterns);
  auto adult_extractor = MakeExtractor("adult", *patterns);

  std::vector<Page> pages = MakePages(page_count, seed);
  size_t bytes = 0;
  for (const Page& p : pages) bytes += p.html.size();
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("extract_bench: %zu pages, %.1f MB (%.1f KB/page), best of %d, one thread\n",
              pages.size(), mb, static_cast<double>(bytes) / 1024.0 / static_cast<double>(pages.size()),
              runs);

  // The sum keeps the optimiser from dropping the parse.
  size_t gumbo_nodes = 0;
  // The options plainsight parses with (extractors/gumbo_holder.h): no
  // error records, which gumbo otherwise builds for every parse error.
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.max_errors = 0;
  auto gumbo_pass = [&] {
    for (const Page& p : pages) {
      GumboOutput* out = gumbo_parse_with_options(&gumbo_options, p.html.data(), p.html.size());
      gumbo_nodes += out->root->v.element.children.length;
      gumbo_destroy_output(&gumbo_options, out);
    }
  };
  Totals totals;
  auto extract_pass = [&] {
    totals = Totals{};
    for (const Page& p : pages) {
      const AdvertExtractor& x = p.jobs ? *jobs_extractor : *adult_extractor;
      AdvertExtraction e = x.Extract(p.html, "text/html; charset=utf-8", "2026-01-15");
      totals.phones += e.phones.size();
      totals.emails += e.emails.size();
      totals.postcodes += e.postcodes.size();
      totals.pay += e.pay.size();
      totals.indicators += e.indicators.size();
      totals.links += e.links.size();
    }
  };
  // Passes alternate, so a build starting next door slows both sides alike.
  Timing gumbo, extract;
  for (int r = 0; r < runs; ++r) {
    if (only.empty() || only == "gumbo") TimeOnce(gumbo_pass, &gumbo);
    if (only.empty() || only == "extract") TimeOnce(extract_pass, &extract);
  }
  if (extract.cpu > 0) {
    std::printf("found per pass: %zu phones, %zu emails, %zu postcodes, %zu pay, %zu indicator hits, %zu links\n",
                totals.phones, totals.emails, totals.postcodes, totals.pay, totals.indicators,
                totals.links);
    if (totals.phones == 0 || totals.emails == 0 || totals.indicators == 0) {
      std::fprintf(stderr, "extract_bench: the extraction found nothing: the bench is broken\n");
      return 1;
    }
  }

  auto n = static_cast<double>(pages.size());
  std::printf("%-34s %12s %10s %14s\n", "", "MB/s (CPU)", "pages/s", "MB/s (wall)");
  if (gumbo.cpu > 0) {
    std::printf("%-34s %12.1f %10.0f %14.1f\n", "gumbo parse only", mb / gumbo.cpu, n / gumbo.cpu,
                mb / gumbo.wall);
  }
  if (extract.cpu > 0) {
    std::printf("%-34s %12.1f %10.0f %14.1f\n", "AdvertExtractor::Extract (full)", mb / extract.cpu,
                n / extract.cpu, mb / extract.wall);
  }
  if (gumbo.cpu > 0 && extract.cpu > 0) {
    double ratio = gumbo.cpu / extract.cpu;
    std::printf("ratio full/gumbo (CPU time): %.2fx (target >= 0.80x)%s; by wall time %.2fx\n", ratio,
                ratio >= 0.8 ? "" : "  BELOW TARGET", gumbo.wall / extract.wall);
    std::printf("\nextract.pages=%zu\nextract.runs=%d\nextract.mb=%.1f\nextract.gumbo_mb_s=%.1f\n"
                "extract.gumbo_pages_s=%.0f\nextract.full_mb_s=%.1f\nextract.full_pages_s=%.0f\n"
                "extract.ratio=%.2f\nextract.gumbo_wall_mb_s=%.1f\nextract.full_wall_mb_s=%.1f\n",
                pages.size(), runs, mb, mb / gumbo.cpu, n / gumbo.cpu, mb / extract.cpu, n / extract.cpu,
                ratio, mb / gumbo.wall, mb / extract.wall);
  }
  return gumbo_nodes == static_cast<size_t>(-1) ? 1 : 0;
}
