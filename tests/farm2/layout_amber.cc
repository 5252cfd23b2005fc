// Amber Lounge: an adult directory laid out in tables. Every page carries
// a "browse by town" bar naming many towns, listings are a table at
// /directory/N.html with absolute links (http://127.0.0.1:PORT/...),
// profiles at /companion.php?listing=AMID with a facts table and a
// "Featured" box naming other advertisers and their towns. No selectors.
#include "tests/farm2/site_layout.h"
#include "tests/farm2/places.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

class AmberLayout : public SiteLayout {
 public:
  using SiteLayout::SiteLayout;

  int per_page() const override { return 15; }
  int first_id() const override { return 52000; }
  std::string ListingTarget(int page) const override { return "/directory/" + std::to_string(page) + ".html"; }
  std::string AdvertTarget(const Advert& a) const override {
    return "/companion.php?listing=AM" + std::to_string(a.id);
  }

  std::string HomePage(int) const override {
    return Page("Amber Lounge - UK companion directory",
                "<table class=\"welcome\"><tr><td><h2>Welcome to Amber Lounge</h2><p>The "
                "directory of independent companions.</p><p><a href=\"%BASE%" + ListingTarget(1) +
                "\">Enter the directory</a></p></td></tr></table>");
  }

  std::string ListingPage(const AdvertList& adverts, int page, int pages) const override {
    std::string body = "<table class=\"dir\">\n<tr><th>Name</th><th>Age</th><th>Location</th><th>Listed</th></tr>\n";
    for (const Advert* a : adverts) {
      body += "<tr><td><a href=\"%BASE%" + a->path + "\">" + EscapeHtml(a->name) + "</a></td><td>" +
              std::to_string(a->age) + "</td><td>" + EscapeHtml(a->town) + "</td><td>" + a->posted +
              "</td></tr>\n";
    }
    body += "</table>\n<p class=\"pp\">" +
            html::PageLinks(page, pages, [this](int p) { return "%BASE%" + ListingTarget(p); },
                            "Next &rsaquo;") +
            "</p>";
    return Page("Directory page " + std::to_string(page) + " - Amber Lounge", body);
  }

  std::string AdvertPage(const Advert& a, const AdvertList& others) const override {
    std::string facts = "<table class=\"facts\">\n";
    auto row = [&facts](const std::string& label, const std::string& value) {
      if (!value.empty()) facts += "<tr><td>" + label + "</td><td>" + EscapeHtml(value) + "</td></tr>\n";
    };
    row("Name", a.name);
    row("Age", std::to_string(a.age));
    row("Location", a.town);
    row("Contact", a.phone_display);
    row("Rates", a.rate);
    row("Listed", a.posted);
    facts += "</table>\n";
    std::string body = "<h2>" + EscapeHtml(a.title) + "</h2>\n" + facts + "<div class=\"bio\">\n" +
                       html::Sections(a.sections, 4) + "</div>\n<div class=\"featured\"><b>Featured "
                       "ladies:</b> ";
    std::vector<std::string> names;
    for (const Advert* o : others)
      names.push_back("<a href=\"%BASE%" + o->path + "\">" + EscapeHtml(o->name) + "</a> (" +
                      EscapeHtml(o->town) + ")");
    body += Join(names, ", ") + "</div>";
    return Page(a.title + " - Amber Lounge", body);
  }

  std::string InfoPage(const std::string& heading, const std::string& text) const override {
    return Page(heading + " - Amber Lounge", "<h2>" + EscapeHtml(heading) + "</h2><p>" + EscapeHtml(text) + "</p>");
  }

  std::vector<std::string> FollowPathPatterns() const override { return {R"(/directory/\d+\.html)"}; }
  std::vector<std::string> AdvertPathPatterns() const override {
    return {R"(/companion\.php\?listing=AM\d+)"};
  }

 private:
  std::string Page(const std::string& title, const std::string& main) const {
    const SiteInfo& s = info();
    std::vector<std::string> towns;
    for (const char* t : {"Bedford", "Coventry", "Derby", "Kettering", "Leicester", "Luton",
                          "Milton Keynes", "Northampton", "Nottingham", "Peterborough"})
      towns.push_back("<a href=\"%BASE%/town/" + Slug(t) + "\">" + t + "</a>");
    std::string header =
        "<table width=\"100%\" class=\"hdr\"><tr><td><a href=\"%BASE%/\"><b>Amber Lounge</b></a> "
        "&ndash; UK companion directory</td><td align=\"right\"><a href=\"%BASE%/join\">List "
        "your profile</a></td></tr></table>\n<div class=\"towns\">Browse by town: " +
        Join(towns, " &middot; ") + "</div>\n";
    std::string footer = "\n<div class=\"ftr\">Amber Lounge Directory, " + EscapeHtml(s.address) +
                         " &middot; Tel " + html::FooterPhone(s) + " &middot; " + s.email +
                         " &middot; We only publish adverts from adults.</div>";
    return html::Document(title, "", header + main + footer);
  }
};

}  // namespace

std::unique_ptr<SiteLayout> MakeAmberLayout(SiteInfo info) {
  return std::make_unique<AmberLayout>(std::move(info));
}

}  // namespace plainsight::farm2
