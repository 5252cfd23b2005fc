// Human-readable tables for leads and adverts, at most 100 columns wide.
#pragma once

#include <ostream>
#include <vector>

#include "store/advert.h"
#include "store/store.h"

namespace plainsight::cli {

void PrintLeadTable(std::ostream& out, const std::vector<LeadRecord>& leads, const Store& store);
void PrintAdvertTable(std::ostream& out, const std::vector<AdvertRecord>& adverts);
// Cuts to `width` display columns (UTF-8 aware), marking the cut with "…".
std::string Fit(const std::string& text, size_t width);

}  // namespace plainsight::cli
