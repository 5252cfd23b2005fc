#include "report/svg_charts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/markup_escape.h"

namespace plainsight {

const char* ChartColour(size_t index) {
  static const char* const kColours[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2",
                                         "#edc948", "#e15759", "#9c755f", "#ff9da7", "#bab0ac"};
  return kColours[index % (sizeof(kColours) / sizeof(kColours[0]))];
}

std::string SvgNumber(double value) {
  char buffer[32];
  if (std::fabs(value - std::round(value)) < 0.05) {
    std::snprintf(buffer, sizeof(buffer), "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%.1f", value);
  }
  return buffer;
}

namespace {

// A round number at or above `max` for the top of the value axis.
double NiceCeiling(double max) {
  if (max <= 1) return 1;
  double step = std::pow(10.0, std::floor(std::log10(max)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * step >= max) return m * step;
  }
  return 10 * step;
}

std::string Text(double x, double y, const std::string& anchor, const std::string& escaped,
                 const char* extra = "") {
  return "<text x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) + "\" text-anchor=\"" + anchor +
         "\"" + extra + ">" + escaped + "</text>";
}

}  // namespace

std::string StackedBarChartSvg(const std::string& title, const std::vector<std::string>& x_labels,
                               const std::vector<BarSeries>& series) {
  const double left = 44, right = 12, top = 12, plot_height = 180, label_band = 40;
  const double bar_slot = 52;
  const double width = left + right + bar_slot * static_cast<double>(std::max<size_t>(x_labels.size(), 1));
  const double legend_top = top + plot_height + label_band;
  const size_t legend_row_count = (series.size() + 3) / 4;  // four entries a row, rounded up
  const double legend_rows = static_cast<double>(legend_row_count);
  const double height = legend_top + 20 * std::max(legend_rows, 1.0) + 6;

  std::vector<double> totals(x_labels.size(), 0);
  for (const BarSeries& s : series) {
    for (size_t i = 0; i < x_labels.size() && i < s.values.size(); ++i) totals[i] += s.values[i];
  }
  const double max_total = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
  const double axis_max = NiceCeiling(max_total);
  auto y_of = [&](double v) { return top + plot_height - plot_height * v / axis_max; };

  std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + SvgNumber(width) + " " +
                    SvgNumber(height) + "\" width=\"" + SvgNumber(width) + "\" height=\"" +
                    SvgNumber(height) + "\" font-size=\"11\"><title>" + EscapeMarkup(title) +
                    "</title>";
  for (int tick = 0; tick <= 4; ++tick) {
    const double v = axis_max * tick / 4;
    const double y = y_of(v);
    svg += "<line x1=\"" + SvgNumber(left) + "\" x2=\"" + SvgNumber(width - right) + "\" y1=\"" +
           SvgNumber(y) + "\" y2=\"" + SvgNumber(y) + "\" stroke=\"#e3e3e3\"/>";
    svg += Text(left - 6, y + 4, "end", SvgNumber(v), " fill=\"#666\"");
  }
  for (size_t i = 0; i < x_labels.size(); ++i) {
    const double x = left + bar_slot * static_cast<double>(i) + 8;
    double stacked = 0;
    for (size_t s = 0; s < series.size(); ++s) {
      const double v = i < series[s].values.size() ? series[s].values[i] : 0;
      if (v <= 0) continue;
      const double y1 = y_of(stacked + v), y0 = y_of(stacked);
      svg += "<rect x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y1) + "\" width=\"" +
             SvgNumber(bar_slot - 16) + "\" height=\"" + SvgNumber(y0 - y1) + "\" fill=\"" +
             ChartColour(s) + "\"><title>" + EscapeMarkup(series[s].name) + " " +
             EscapeMarkup(x_labels[i]) + ": " + SvgNumber(v) + "</title></rect>";
      stacked += v;
    }
    if (totals[i] > 0) {
      svg += Text(x + (bar_slot - 16) / 2, y_of(totals[i]) - 3, "middle", SvgNumber(totals[i]),
                  " fill=\"#333\"");
    }
    svg += Text(x + (bar_slot - 16) / 2, top + plot_height + 16, "middle", EscapeMarkup(x_labels[i]),
                " fill=\"#444\"");
  }
  svg += "<line x1=\"" + SvgNumber(left) + "\" x2=\"" + SvgNumber(width - right) + "\" y1=\"" +
         SvgNumber(top + plot_height) + "\" y2=\"" + SvgNumber(top + plot_height) +
         "\" stroke=\"#999\"/>";
  for (size_t s = 0; s < series.size(); ++s) {
    const double x = left + static_cast<double>(s % 4) * 170;
    const size_t row = s / 4;
    const double y = legend_top + 20 * static_cast<double>(row);
    svg += "<rect x=\"" + SvgNumber(x) + "\" y=\"" + SvgNumber(y) +
           "\" width=\"12\" height=\"12\" fill=\"" + ChartColour(s) + "\"/>";
    svg += Text(x + 18, y + 10, "start", EscapeMarkup(series[s].name), " fill=\"#333\"");
  }
  svg += "</svg>";
  return svg;
}

std::string HorizontalBarChartSvg(const std::string& title, const std::vector<BarItem>& items) {
  const double label_width = 300, bar_width = 380, row = 24, top = 6;
  const double width = label_width + bar_width + 60;
  const double height = top * 2 + row * static_cast<double>(std::max<size_t>(items.size(), 1));
  double max_value = 0;
  for (const BarItem& item : items) max_value = std::max(max_value, item.value);
  const double scale = max_value > 0 ? bar_width / max_value : 0;

  std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + SvgNumber(width) + " " +
                    SvgNumber(height) + "\" width=\"" + SvgNumber(width) + "\" height=\"" +
                    SvgNumber(height) + "\" font-size=\"12\"><title>" + EscapeMarkup(title) +
                    "</title>";
  for (size_t i = 0; i < items.size(); ++i) {
    const double y = top + row * static_cast<double>(i);
    const double w = std::max(items[i].value * scale, items[i].value > 0 ? 2.0 : 0.0);
    svg += Text(label_width - 8, y + 16, "end", EscapeMarkup(items[i].label), " fill=\"#333\"");
    svg += "<rect x=\"" + SvgNumber(label_width) + "\" y=\"" + SvgNumber(y + 4) + "\" width=\"" +
           SvgNumber(w) + "\" height=\"" + SvgNumber(row - 8) + "\" fill=\"" + ChartColour(0) +
           "\"/>";
    svg += Text(label_width + w + 6, y + 16, "start", SvgNumber(items[i].value), " fill=\"#333\"");
  }
  svg += "</svg>";
  return svg;
}

}  // namespace plainsight
