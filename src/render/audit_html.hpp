#pragma once

// Pieces of the HTML audit report (render_audit_html.cpp puts them together).

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "roster/render/audit_report.hpp"

namespace roster::render {

/// report.css and report.js (src/render/report_assets/), embedded at build time.
std::string_view report_css();
std::string_view report_js();

/// A horizontal bar chart as inline SVG: one labelled bar per count. Labels are escaped.
[[nodiscard]] std::string bar_chart_svg(std::string_view title,
                                        const std::vector<AuditCount>& counts);

/// The plan grouped by action, privilege changes first, and the guards' verdicts.
void write_plan_section(const plan::Plan& plan, std::ostream& out);
/// Unmanaged members, removals outside roster, pending invitations, scheduled removals.
void write_drift_section(const plan::Plan& plan, const AuditReport& report, std::ostream& out);

}  // namespace roster::render
