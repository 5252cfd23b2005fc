// CSV output for analysts' tools (i2 Analyst's Notebook, spreadsheets):
// RFC 4180 quoting, CRLF line ends, and protection against CSV (formula)
// injection, since cells carry text written by advertisers.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plainsight {

// One cell: a value starting with = + - @ (or tab/CR, which some
// spreadsheets skip before looking for a formula) gets a leading single
// quote so it is never evaluated; then the cell is quoted when it holds a
// comma, quote, CR or LF, with quotes doubled.
std::string CsvCell(std::string_view value);

// Several values in one cell, "a; b; c" (phones, emails, postcodes).
std::string CsvList(const std::vector<std::string>& values);

// Cells joined by commas and ended with CRLF.
std::string CsvRow(const std::vector<std::string>& values);

}  // namespace plainsight
