#include "report/csv_writer.h"

namespace plainsight {

std::string CsvCell(std::string_view value) {
  std::string cell;
  if (!value.empty()) {
    const char first = value.front();
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
        first == '\r') {
      cell += '\'';
    }
  }
  cell.append(value);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

std::string CsvList(const std::vector<std::string>& values) {
  std::string out;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += "; ";
    out += values[i];
  }
  return out;
}

std::string CsvRow(const std::vector<std::string>& values) {
  std::string row;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) row += ',';
    row += CsvCell(values[i]);
  }
  row += "\r\n";
  return row;
}

}  // namespace plainsight
