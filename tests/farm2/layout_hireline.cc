// HireLine Careers: an applicant-tracking-system job board. Results in an
// <ol> at /search/jobs?page=N, vacancies at /job/ID/SLUG in four fixed
// sections with an "Apply now" button and a "Similar jobs" box, a schema
// of its own class names, and [sites.fields] selectors in the config.
#include "tests/farm2/site_layout.h"
#include "tests/farm2/text.h"

namespace plainsight::farm2 {
namespace {

class HirelineLayout : public SiteLayout {
 public:
  using SiteLayout::SiteLayout;

  int per_page() const override { return 20; }
  int first_id() const override { return 48100; }
  std::string ListingTarget(int page) const override {
    return "/search/jobs?page=" + std::to_string(page);
  }
  std::string AdvertTarget(const Advert& a) const override {
    return "/job/" + std::to_string(a.id) + "/" + Slug(a.title + " " + a.town);
  }

  std::string HomePage(int pages) const override {
    return Page("HireLine Careers - jobs near you",
                "<main class=\"hl-home\"><h1>Find your next job</h1><p>Thousands of vacancies "
                "from local employers, updated daily across " + std::to_string(pages) +
                " pages of results.</p><p><a href=\"" + ListingTarget(1) +
                "\">Browse the latest jobs</a></p></main>",
                "");
  }

  std::string ListingPage(const AdvertList& adverts, int page, int pages) const override {
    std::string body = "<main class=\"hl-results\"><h1>Latest jobs</h1>\n<ol class=\"results\">\n";
    for (const Advert* a : adverts) {
      body += "<li class=\"result\"><a class=\"result-title\" href=\"" + a->path + "\">" +
              EscapeHtml(a->title) + "</a><div class=\"result-company\">" +
              EscapeHtml(a->company.empty() ? "Private advertiser" : a->company) +
              "</div><div class=\"result-meta\"><span class=\"loc\">" + EscapeHtml(a->town) +
              "</span> &middot; <span class=\"sal\">" + EscapeHtml(a->pay) +
              "</span> &middot; posted " + a->posted + "</div></li>\n";
    }
    body += "</ol>\n<nav class=\"pagination\">" +
            html::PageLinks(page, pages, [this](int p) { return ListingTarget(p); }, "Next &raquo;") +
            "</nav></main>";
    std::string head;
    if (page < pages) head = "<link rel=\"next\" href=\"" + ListingTarget(page + 1) + "\">\n";
    return Page("Latest jobs - page " + std::to_string(page) + " - HireLine Careers", body, head);
  }

  std::string AdvertPage(const Advert& a, const AdvertList& others) const override {
    std::string body = "<main class=\"hl-job\"><article class=\"job\">\n<h1 class=\"job-title\">" +
                       EscapeHtml(a.title) + "</h1>\n";
    if (!a.company.empty())
      body += "<p class=\"job-company\">" + EscapeHtml(a.company) + "</p>\n";
    body += "<ul class=\"job-meta\"><li><span class=\"job-location\">" + EscapeHtml(a.town) +
            "</span></li>";
    if (!a.pay.empty()) body += "<li class=\"job-salary\">" + EscapeHtml(a.pay) + "</li>";
    if (!a.contract.empty()) body += "<li class=\"job-contract\">" + EscapeHtml(a.contract) + "</li>";
    body += "<li>Posted <time class=\"posted\" datetime=\"" + a.posted + "\">" + a.posted +
            "</time></li></ul>\n<div class=\"job-description\">\n" + html::Sections(a.sections, 2) +
            "</div>\n<p><a class=\"apply-button\" href=\"/apply/" + std::to_string(a.id) +
            "\">Apply now</a></p>\n</article>\n<aside class=\"similar\"><h3>Similar jobs</h3><ul>";
    for (const Advert* o : others)
      body += "<li><a href=\"" + o->path + "\">" + EscapeHtml(o->title) + "</a> - " +
              EscapeHtml(o->town) + "</li>";
    body += "</ul></aside></main>";
    return Page(a.title + " - " + a.town + " - HireLine Careers", body, "");
  }

  std::string InfoPage(const std::string& heading, const std::string& text) const override {
    return Page(heading + " - HireLine Careers",
                "<main><h1>" + EscapeHtml(heading) + "</h1><p>" + EscapeHtml(text) + "</p></main>", "");
  }

  std::vector<std::string> FollowPathPatterns() const override { return {R"(/search/jobs\?page=\d+)"}; }
  std::vector<std::string> AdvertPathPatterns() const override { return {R"(/job/\d+/[a-z0-9-]+)"}; }
  std::vector<std::pair<std::string, std::string>> FieldSelectors() const override {
    return {{"title", "h1.job-title"},
            {"body", "div.job-description"},
            {"location", "span.job-location"},
            {"posted", "time.posted"}};
  }

 private:
  std::string Page(const std::string& title, const std::string& main, const std::string& head) const {
    const SiteInfo& s = info();
    std::string header =
        "<header class=\"hl-header\"><div class=\"hl-brand\"><a href=\"/\">HireLine Careers</a> "
        "<span>Powered by HireLine ATS</span></div><nav><a href=\"" + ListingTarget(1) +
        "\">Find jobs</a> <a href=\"/employers\">For employers</a> <a href=\"/about\">About us</a> "
        "<a href=\"/contact\">Contact</a></nav></header>\n";
    std::string footer =
        "\n<footer class=\"hl-footer\"><p>HireLine Careers Ltd &middot; " + EscapeHtml(s.address) +
        "</p><p>Candidate helpline " + html::FooterPhone(s) + " &middot; " + s.email +
        "</p><p>&copy; 2026 HireLine Careers. Registered in England and Wales.</p></footer>";
    return html::Document(title, head, header + main + footer);
  }
};

}  // namespace

std::unique_ptr<SiteLayout> MakeHirelineLayout(SiteInfo info) {
  return std::make_unique<HirelineLayout>(std::move(info));
}

}  // namespace plainsight::farm2
