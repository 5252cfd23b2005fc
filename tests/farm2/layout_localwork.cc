// LocalWork Hub: a local job board that appends its own safety notice,
// with the site's phone and e-mail, inside the text of every advert.
// Listings paginate by offset (/listings?start=0, 20, 40 ...), adverts
// live at /listing/ID.html.
#include "tests/farm2/site_layout.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

class LocalworkLayout : public SiteLayout {
 public:
  using SiteLayout::SiteLayout;

  int per_page() const override { return 20; }
  int first_id() const override { return 7050; }
  std::string ListingTarget(int page) const override {
    return "/listings?start=" + std::to_string((page - 1) * per_page());
  }
  std::string AdvertTarget(const Advert& a) const override {
    return "/listing/" + std::to_string(a.id) + ".html";
  }

  std::string HomePage(int) const override {
    return Page("LocalWork Hub",
                "<h1>Local jobs from local people</h1><p><a href=\"" + ListingTarget(1) +
                "\">View all listings</a></p>",
                "");
  }

  std::string ListingPage(const AdvertList& adverts, int page, int pages) const override {
    std::string body = "<h1>All listings</h1>\n<ul class=\"lw-list\">\n";
    for (const Advert* a : adverts) {
      body += "<li><span class=\"date\">" + a->posted + "</span> <a href=\"" + a->path + "\">" +
              EscapeHtml(a->title) + "</a> <span class=\"town\">" + EscapeHtml(a->town) +
              "</span></li>\n";
    }
    body += "</ul>\n<p class=\"lw-pages\">" +
            html::PageLinks(page, pages, [this](int p) { return ListingTarget(p); }, "More listings") +
            "</p>";
    std::string head;
    if (page < pages) head = "<link rel=\"next\" href=\"" + ListingTarget(page + 1) + "\">\n";
    return Page("Listings | LocalWork Hub", body, head);
  }

  std::string AdvertPage(const Advert& a, const AdvertList&) const override {
    std::string body = "<h1 class=\"lw-title\">" + EscapeHtml(a.title) + "</h1>\n<div class=\"lw-meta\">"
                       "<span class=\"town\">" + EscapeHtml(a.town) + "</span> | <span class=\"date\">" +
                       a.posted + "</span>";
    if (!a.company.empty()) body += " | <span class=\"company\">" + EscapeHtml(a.company) + "</span>";
    body += "</div>\n<div class=\"listing-body\">\n" + html::Sections(a.sections, 3) +
            "<p class=\"lw-notice\">" + EscapeHtml(Notice()) + "</p>\n</div>";
    return Page(a.title + " | LocalWork Hub", body, "");
  }

  std::string InfoPage(const std::string& heading, const std::string& text) const override {
    return Page(heading + " | LocalWork Hub", "<h1>" + EscapeHtml(heading) + "</h1><p>" + EscapeHtml(text) + "</p>", "");
  }

  std::vector<std::string> FollowPathPatterns() const override { return {R"(/listings\?start=\d+)"}; }
  std::vector<std::string> AdvertPathPatterns() const override { return {R"(/listing/\d+\.html)"}; }
  std::vector<std::pair<std::string, std::string>> FieldSelectors() const override {
    return {{"title", "h1.lw-title"},
            {"body", "div.listing-body"},
            {"location", "div.lw-meta span.town"},
            {"posted", "div.lw-meta span.date"}};
  }

 private:
  std::string Notice() const {
    return "Stay safe: LocalWork Hub never charges jobseekers, and no genuine employer will ask "
           "you to pay a fee or hand over your passport before you start. Worried about an "
           "advert? Call our safety team on " + html::FooterPhone(info()) + " or e-mail " +
           info().email + ".";
  }
  std::string Page(const std::string& title, const std::string& main, const std::string& head) const {
    const SiteInfo& s = info();
    std::string header =
        "<div id=\"masthead\"><a href=\"/\">LocalWork <em>Hub</em></a> &ndash; jobs in your "
        "area</div>\n<div id=\"nav\"><a href=\"" + ListingTarget(1) + "\">Listings</a> | <a "
        "href=\"/advertise\">Advertise</a> | <a href=\"/safety\">Job safety</a></div>\n<div id=\"content\">\n";
    std::string footer = "\n</div>\n<div id=\"footer\">LocalWork Hub CIC &middot; " +
                         EscapeHtml(s.address) + " &middot; " + html::FooterPhone(s) +
                         " &middot; " + s.email + "</div>";
    return html::Document(title, head, header + main + footer);
  }
};

}  // namespace

std::unique_ptr<SiteLayout> MakeLocalworkLayout(SiteInfo info) {
  return std::make_unique<LocalworkLayout>(std::move(info));
}

}  // namespace plainsight::farm2
