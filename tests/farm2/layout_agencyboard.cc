// AgencyJobs Direct: a board used mostly by recruitment agencies. Cards at
// /agency-jobs/N, positions at /position/AGENCY-SLUG/ID with a facts
// table (agency, location, pay rate, contract, shift, posted), the
// description with bullet lists, and a "Contact the consultant" box.
#include "tests/farm2/site_layout.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

class AgencyBoardLayout : public SiteLayout {
 public:
  using SiteLayout::SiteLayout;

  int per_page() const override { return 15; }
  int first_id() const override { return 3100; }
  std::string ListingTarget(int page) const override { return "/agency-jobs/" + std::to_string(page); }
  std::string AdvertTarget(const Advert& a) const override {
    return "/position/" + Slug(a.company.empty() ? "direct" : a.company) + "/" + std::to_string(a.id);
  }

  std::string HomePage(int) const override {
    return Page("AgencyJobs Direct",
                "<div class=\"hero\"><h1>Temp, temp-to-perm and permanent work</h1><p>Vacancies "
                "from recruitment agencies across the Midlands.</p><a class=\"btn\" href=\"" +
                ListingTarget(1) + "\">See all positions</a></div>");
  }

  std::string ListingPage(const AdvertList& adverts, int page, int pages) const override {
    std::string body = "<div class=\"cards\">\n";
    for (const Advert* a : adverts) {
      body += "<div class=\"card\"><h3><a href=\"" + a->path + "\">" + EscapeHtml(a->title) +
              "</a></h3><p class=\"agency\">" + EscapeHtml(a->company.empty() ? "Direct employer" : a->company) +
              "</p><p>" + EscapeHtml(a->town) + " &bull; " + EscapeHtml(a->pay) + "</p></div>\n";
    }
    body += "</div>\n<div class=\"pager\">" +
            html::PageLinks(page, pages, [this](int p) { return ListingTarget(p); }, "Next page") +
            "</div>";
    return Page("Positions, page " + std::to_string(page) + " | AgencyJobs Direct", body);
  }

  std::string AdvertPage(const Advert& a, const AdvertList&) const override {
    std::string facts = "<table class=\"facts\">\n";
    auto row = [&facts](const std::string& label, const std::string& cls, const std::string& value) {
      if (value.empty()) return;
      facts += "<tr><th>" + label + "</th><td class=\"" + cls + "\">" + value + "</td></tr>\n";
    };
    row("Agency", "agency", EscapeHtml(a.company));
    row("Location", "where", EscapeHtml(a.town));
    row("Pay rate", "rate", EscapeHtml(a.pay));
    row("Contract", "contract", EscapeHtml(a.contract));
    row("Shift", "shift", EscapeHtml(a.hours));
    row("Posted", "posted", a.posted);
    facts += "</table>\n";
    std::string body = "<div class=\"role-main\"><h1 class=\"role\">" + EscapeHtml(a.title) +
                       "</h1>\n" + facts + "<section class=\"role-detail\">\n" +
                       html::Sections(a.sections, 3) + "</section>\n";
    if (!a.contact.empty())
      body += "<aside class=\"consultant\"><h4>Contact the consultant</h4><p>" +
              EscapeHtml(a.contact) + "</p></aside>\n";
    body += "</div>";
    return Page(a.title + " | " + a.town + " | AgencyJobs Direct", body);
  }

  std::string InfoPage(const std::string& heading, const std::string& text) const override {
    return Page(heading + " | AgencyJobs Direct", "<h1>" + EscapeHtml(heading) + "</h1><p>" + EscapeHtml(text) + "</p>");
  }

  std::vector<std::string> FollowPathPatterns() const override { return {R"(/agency-jobs/\d+)"}; }
  std::vector<std::string> AdvertPathPatterns() const override {
    return {R"(/position/[a-z0-9-]+/\d+)"};
  }
  std::vector<std::pair<std::string, std::string>> FieldSelectors() const override {
    return {{"title", "h1.role"},
            {"body", "div.role-main"},
            {"location", "td.where"},
            {"posted", "td.posted"}};
  }

 private:
  std::string Page(const std::string& title, const std::string& main) const {
    const SiteInfo& s = info();
    std::string header =
        "<div class=\"topbar\"><a class=\"logo\" href=\"/\">AgencyJobs<b>Direct</b></a><ul "
        "class=\"menu\"><li><a href=\"" + ListingTarget(1) + "\">Positions</a></li><li><a "
        "href=\"/agencies\">Agencies</a></li><li><a href=\"/about\">About</a></li></ul></div>\n"
        "<main class=\"wrap\">\n";
    std::string footer =
        "\n</main>\n<div class=\"bottom\"><p>AgencyJobs Direct is run by Midshires Media Ltd, " +
        EscapeHtml(s.address) + ".</p><p>Advertiser support: " + html::FooterPhone(s) + " or " +
        s.email + "</p></div>";
    return html::Document(title, "", header + main + footer);
  }
};

}  // namespace

std::unique_ptr<SiteLayout> MakeAgencyBoardLayout(SiteInfo info) {
  return std::make_unique<AgencyBoardLayout>(std::move(info));
}

}  // namespace plainsight::farm2
