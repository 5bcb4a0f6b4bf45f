// Inline SVG bar charts for the audit report: presentation attributes and classes only
// (the page's CSP forbids style attributes), every label escaped.
#include <algorithm>

#include <fmt/format.h>

#include "audit_html.hpp"

namespace roster::render {

namespace {

constexpr int k_label_width = 150;
constexpr int k_bar_width = 260;
constexpr int k_row_height = 22;

}  // namespace

std::string bar_chart_svg(std::string_view title, const std::vector<AuditCount>& counts) {
  std::size_t largest = 1;
  for (const auto& c : counts)
    largest = std::max(largest, c.count);
  int height = static_cast<int>(counts.size()) * k_row_height + 4;
  int width = k_label_width + k_bar_width + 70;
  std::string svg =
      fmt::format(R"(<svg class="chart" role="img" viewBox="0 0 {0} {1}" width="{0}" height="{1}">)"
                  R"(<title>{2}</title>)",
                  width, height, html_escape(title));
  int y = 2;
  for (const auto& c : counts) {
    auto bar =
        static_cast<int>(static_cast<double>(c.count) / static_cast<double>(largest) * k_bar_width);
    if (c.count > 0) bar = std::max(bar, 2);
    svg +=
        fmt::format(R"(<g><text class="chart-label" x="{0}" y="{1}" text-anchor="end">{2}</text>)"
                    R"(<rect class="chart-bar" x="{3}" y="{4}" width="{5}" height="{6}"></rect>)"
                    R"(<text class="chart-value" x="{7}" y="{1}">{8}</text></g>)",
                    k_label_width - 8, y + 15, html_escape(c.label), k_label_width, y + 3, bar,
                    k_row_height - 6, k_label_width + bar + 6, c.count);
    y += k_row_height;
  }
  svg += "</svg>";
  return svg;
}

}  // namespace roster::render
