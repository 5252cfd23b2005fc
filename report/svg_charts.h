// Bar charts as inline SVG text for the HTML report: no script, no external
// font or stylesheet, colours given as attributes so a strict
// Content-Security-Policy and printing both work. Labels are escaped here.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <vector>

namespace plainsight {

// A muted colour for series `index`, cycling through ten.
const char* ChartColour(size_t index);

// Formats a coordinate or value compactly ("12", "12.5").
std::string SvgNumber(double value);

struct BarSeries {
  std::string name;            // legend text
  std::vector<double> values;  // one per x label
};

// Stacked vertical bars, one bar per x label, one colour per series, with a
// legend. `title` names the chart for screen readers.
std::string StackedBarChartSvg(const std::string& title, const std::vector<std::string>& x_labels,
                               const std::vector<BarSeries>& series);

struct BarItem {
  std::string label;
  double value = 0;
};

// One horizontal bar per item, in the order given, value written at the end.
std::string HorizontalBarChartSvg(const std::string& title, const std::vector<BarItem>& items);

}  // namespace plainsight
