#include "cli/lead_table.h"

#include <cstdio>
#include <ctime>
#include <set>

namespace plainsight::cli {

std::string Fit(const std::string& text, size_t width) {
  std::string out;
  size_t columns = 0;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (columns + 1 > width || (columns + 1 == width && i + length < text.size())) {
      out += "…";
      return out;
    }
    char ch = text[i];
    if (ch == '\n' || ch == '\t') {
      out += ' ';
    } else {
      out.append(text, i, length);
    }
    i += length;
    ++columns;
  }
  return out + std::string(width > columns ? width - columns : 0, ' ');
}

void PrintLeadTable(std::ostream& out, const std::vector<LeadRecord>& leads, const Store& store) {
  out << Fit("LEAD", 15) << " " << Fit("SCORE", 6) << " " << Fit("STATUS", 9) << " "
      << Fit("ADS", 4) << " " << Fit("SITES", 5) << " " << "TOP REASON\n";
  for (const LeadRecord& lead : leads) {
    std::set<std::string> sites;
    for (const std::string& id : lead.advert_ids) {
      auto advert = store.GetAdvert(id);
      if (advert.ok() && advert->has_value()) sites.insert((*advert)->site);
    }
    char score[16];
    std::snprintf(score, sizeof score, "%.1f", lead.score);
    std::string top = lead.reasons.empty() ? "" : lead.reasons.front();
    out << Fit(lead.id, 15) << " " << Fit(score, 6) << " " << Fit(lead.status, 9) << " "
        << Fit(std::to_string(lead.advert_ids.size()), 4) << " "
        << Fit(std::to_string(sites.size()), 5) << " " << Fit(top, 55) << "\n";
  }
  if (leads.empty()) out << "(no leads)\n";
}

void PrintAdvertTable(std::ostream& out, const std::vector<AdvertRecord>& adverts) {
  out << Fit("ADVERT", 19) << " " << Fit("SITE", 16) << " " << Fit("LAST SEEN", 10) << " "
      << "TITLE\n";
  for (const AdvertRecord& a : adverts) {
    char day[16] = "";
    std::time_t t = static_cast<std::time_t>(a.last_seen);
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
    out << Fit(a.id, 19) << " " << Fit(a.site, 16) << " " << Fit(day, 10) << " "
        << Fit(a.title, 50) << "\n";
  }
  if (adverts.empty()) out << "(no adverts)\n";
}

}  // namespace plainsight::cli
