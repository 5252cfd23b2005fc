// Moonlit Companions: an adult directory of photo cards. The gallery is at
// /gallery/page/N, profiles at /profile/NAME-ID with a stats list (name,
// age, town, phone, rates), an "about me" text and the posted date.
#include "tests/farm2/site_layout.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

class MoonlitLayout : public SiteLayout {
 public:
  using SiteLayout::SiteLayout;

  int per_page() const override { return 12; }
  int first_id() const override { return 1200; }
  std::string ListingTarget(int page) const override { return "/gallery/page/" + std::to_string(page); }
  std::string AdvertTarget(const Advert& a) const override {
    return "/profile/" + Slug(a.name) + "-" + std::to_string(a.id);
  }

  std::string HomePage(int) const override {
    return Page("Moonlit Companions",
                "<section class=\"intro\"><h1>Independent companions</h1><p>Elegant company and "
                "relaxing massage across the Midlands.</p><a href=\"" + ListingTarget(1) +
                "\">Open the gallery</a></section>");
  }

  std::string ListingPage(const AdvertList& adverts, int page, int pages) const override {
    std::string body = "<div class=\"grid\">\n";
    for (const Advert* a : adverts) {
      body += "<div class=\"card\"><a href=\"" + a->path + "\"><div class=\"ph\"></div><div "
              "class=\"nm\">" + EscapeHtml(a->name) + "</div><div class=\"ag\">" +
              std::to_string(a->age) + "</div><div class=\"tn\">" + EscapeHtml(a->town) +
              "</div></a></div>\n";
    }
    body += "</div>\n<div class=\"paging\">" +
            html::PageLinks(page, pages, [this](int p) { return ListingTarget(p); }, "Next") +
            "</div>";
    return Page("Gallery page " + std::to_string(page) + " - Moonlit Companions", body);
  }

  std::string AdvertPage(const Advert& a, const AdvertList&) const override {
    std::string stats = "<ul class=\"stats\">\n<li class=\"name\">Name <span>" + EscapeHtml(a.name) +
                        "</span></li>\n<li class=\"age\">Age <span>" + std::to_string(a.age) +
                        "</span></li>\n<li class=\"town\">Town <span>" + EscapeHtml(a.town) +
                        "</span></li>\n";
    if (!a.phone_display.empty())
      stats += "<li class=\"phone\">Phone <span>" + EscapeHtml(a.phone_display) + "</span></li>\n";
    stats += "<li class=\"rate\">Rates <span>" + EscapeHtml(a.rate) + "</span></li>\n</ul>\n";
    std::string body = "<div class=\"profile\">\n<h1 class=\"profile-name\">" + EscapeHtml(a.title) +
                       "</h1>\n" + stats + "<div class=\"about\"><h2>About me</h2>\n" +
                       html::Sections(a.sections, 3) + "</div>\n<p class=\"posted\">Posted <time datetime=\"" +
                       a.posted + "\">" + a.posted + "</time></p>\n</div>";
    return Page(a.title + " - Moonlit Companions", body);
  }

  std::string InfoPage(const std::string& heading, const std::string& text) const override {
    return Page(heading + " - Moonlit Companions", "<h1>" + EscapeHtml(heading) + "</h1><p>" + EscapeHtml(text) + "</p>");
  }

  std::vector<std::string> FollowPathPatterns() const override { return {R"(/gallery/page/\d+)"}; }
  std::vector<std::string> AdvertPathPatterns() const override { return {R"(/profile/[a-z]+-\d+)"}; }
  std::vector<std::pair<std::string, std::string>> FieldSelectors() const override {
    return {{"title", "h1.profile-name"},
            {"body", "div.profile"},
            {"location", "li.town span"},
            {"posted", "p.posted time"}};
  }

 private:
  std::string Page(const std::string& title, const std::string& main) const {
    const SiteInfo& s = info();
    std::string header =
        "<div class=\"mc-top\"><a href=\"/\" class=\"logo\">Moonlit Companions</a> <span "
        "class=\"tag\">Independent companions across the Midlands</span> <nav><a href=\"" +
        ListingTarget(1) + "\">Gallery</a> | <a href=\"/advertise\">Advertise</a> | <a "
        "href=\"/contact\">Contact</a></nav></div>\n<p class=\"age-notice\">Adults only. Every "
        "advertiser has confirmed she is over 18.</p>\n";
    std::string footer = "\n<div class=\"mc-foot\">Moonlit Companions is an advertising platform "
                         "only. " + EscapeHtml(s.address) + ". Advertising enquiries " +
                         html::FooterPhone(s) + ", " + s.email + ".</div>";
    return html::Document(title, "", header + main + footer);
  }
};

}  // namespace

std::unique_ptr<SiteLayout> MakeMoonlitLayout(SiteInfo info) {
  return std::make_unique<MoonlitLayout>(std::move(info));
}

}  // namespace plainsight::farm2
