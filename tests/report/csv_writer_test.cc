// CSV cells: RFC 4180 quoting and formula-injection neutralisation
// (OWASP "CSV Injection": cells starting = + - @ tab CR).
#include <catch2/catch.hpp>

#include "report/csv_writer.h"

namespace plainsight {
namespace {

TEST_CASE("Csv_Cell_QuotesAndNeutralisesFormulas") {
  static const struct {
    const char* value;
    const char* cell;
  } kCases[] = {
      {"plain", "plain"},
      {"", ""},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"two\nlines", "\"two\nlines\""},
      {"cr\rhere", "\"cr\rhere\""},
      {"=SUM(A1:A2)", "'=SUM(A1:A2)"},
      {"+447700900123", "'+447700900123"},
      {"-1", "'-1"},
      {"@cmd", "'@cmd"},
      {"\t=1", "'\t=1"},
      {"=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""},
      {"a=b", "a=b"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.value);
    CHECK(CsvCell(c.value) == c.cell);
  }
}

TEST_CASE("Csv_Row_CommaSeparatedEndsWithCrlf") {
  static const struct {
    std::vector<std::string> values;
    const char* row;
  } kCases[] = {
      {{"a", "b", "c"}, "a,b,c\r\n"},
      {{"", ""}, ",\r\n"},
      {{"x,y", "=1"}, "\"x,y\",'=1\r\n"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.row);
    CHECK(CsvRow(c.values) == c.row);
  }
}

}  // namespace
}  // namespace plainsight
