// SwapShop: an old-fashioned free classifieds site. The jobs category is
// a <table> at /classifieds?cat=jobs&pg=N (with &amp; in the markup), ads
// live at /ad.php?id=N with the text in one cell and the contact written
// in the text. No field selectors: the crawler must find the ad itself.
#include "tests/farm2/site_layout.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

class SwapshopLayout : public SiteLayout {
 public:
  using SiteLayout::SiteLayout;

  int per_page() const override { return 25; }
  int first_id() const override { return 102400; }
  std::string ListingTarget(int page) const override {
    return "/classifieds?cat=jobs&pg=" + std::to_string(page);
  }
  std::string AdvertTarget(const Advert& a) const override {
    return "/ad.php?id=" + std::to_string(a.id);
  }

  std::string HomePage(int) const override {
    return Page("SwapShop - free local classifieds",
                "<table class=\"home\"><tr><td><h2>Welcome to SwapShop</h2><p>Buy, sell and find "
                "local work for free.</p><p><a href=\"" + Href(ListingTarget(1)) +
                "\">Jobs</a> | For sale | Cars | Property | Pets</p></td></tr></table>");
  }

  std::string ListingPage(const AdvertList& adverts, int page, int pages) const override {
    std::string body = "<h2>Jobs</h2>\n<table class=\"ads\" width=\"100%\" cellpadding=\"4\">\n"
                       "<tr><th>Date</th><th>Ad</th><th>Pay</th></tr>\n";
    for (const Advert* a : adverts) {
      body += "<tr><td class=\"d\">" + a->posted + "</td><td><a href=\"" + Href(a->path) + "\">" +
              EscapeHtml(a->title) + "</a><br><small>" + EscapeHtml(a->town) +
              "</small></td><td class=\"price\">" + EscapeHtml(a->pay) + "</td></tr>\n";
    }
    body += "</table>\n<p class=\"pages\">Pages: " +
            html::PageLinks(page, pages, [this](int p) { return Href(ListingTarget(p)); },
                            "Next &gt;") +
            "</p>";
    return Page("Jobs - page " + std::to_string(page) + " - SwapShop", body);
  }

  std::string AdvertPage(const Advert& a, const AdvertList&) const override {
    std::string text;
    for (const Section& s : a.sections)
      for (const std::string& p : s.paragraphs) text += (text.empty() ? "" : "<br><br>") + EscapeHtml(p);
    std::string body =
        "<div id=\"ad\"><h2 class=\"adtitle\">" + EscapeHtml(a.title) + "</h2>\n"
        "<p class=\"admeta\">Posted: " + a.posted + " &middot; Location: " + EscapeHtml(a.town) +
        " &middot; Ad ref " + std::to_string(a.id) + "</p>\n<table class=\"adbox\"><tr><td class=\"adtext\">" +
        text + "</td></tr></table>\n<p><a href=\"/reply?id=" + std::to_string(a.id) +
        "\">Reply to this ad</a> | <a href=\"/report?id=" + std::to_string(a.id) +
        "\">Report this ad</a></p></div>";
    return Page(a.title + " | SwapShop " + a.town, body);
  }

  std::string InfoPage(const std::string& heading, const std::string& text) const override {
    return Page(heading + " - SwapShop", "<h2>" + EscapeHtml(heading) + "</h2><p>" + EscapeHtml(text) + "</p>");
  }

  std::vector<std::string> FollowPathPatterns() const override {
    return {R"(/classifieds\?cat=jobs&pg=\d+)"};
  }
  std::vector<std::string> AdvertPathPatterns() const override { return {R"(/ad\.php\?id=\d+)"}; }

 private:
  static std::string Href(const std::string& target) {
    std::string out;
    for (char c : target) out += c == '&' ? std::string("&amp;") : std::string(1, c);
    return out;
  }
  std::string Page(const std::string& title, const std::string& main) const {
    const SiteInfo& s = info();
    std::string header =
        "<table width=\"100%\" class=\"top\"><tr><td><a href=\"/\"><b>SwapShop</b></a> free local "
        "classifieds</td><td align=\"right\"><a href=\"/post\">Post an ad</a> | <a "
        "href=\"/help\">Help</a></td></tr></table>\n<div class=\"cats\">Categories: <a href=\"" +
        Href(ListingTarget(1)) + "\">Jobs</a> &middot; For sale &middot; Cars &middot; Property "
        "&middot; Pets</div>\n";
    std::string footer =
        "\n<div class=\"foot\"><hr>SwapShop Classifieds, " + EscapeHtml(s.address) + ". Tel " +
        html::FooterPhone(s) + ", " + s.email +
        ". Ads are placed by members of the public; SwapShop does not check them.</div>";
    return html::Document(title, "", header + main + footer);
  }
};

}  // namespace

std::unique_ptr<SiteLayout> MakeSwapshopLayout(SiteInfo info) {
  return std::make_unique<SwapshopLayout>(std::move(info));
}

}  // namespace plainsight::farm2
