// The audit report's plan and drift sections, as static HTML (readable and printable
// without scripts). Every piece of team data goes through html_escape.
#include <fmt/format.h>

#include "audit_html.hpp"
#include "step_text.hpp"

namespace roster::render {

namespace {

using plan::Action;
using plan::DriftItem;

void write_steps_table(const std::vector<const plan::PlanStep*>& steps, std::ostream& out) {
  out << "<table class=\"steps\"><thead><tr><th>member or group</th><th>why</th>"
         "<th>details</th></tr></thead><tbody>\n";
  for (const auto* step : steps) {
    out << "<tr><td>" << html_escape(progress_subject(*step)) << "</td><td>"
        << html_escape(reason_text(*step)) << "</td><td>" << html_escape(details_text(*step))
        << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

// One collapsible group of steps; `key` names the count for tests ("steps.invite").
void write_step_group(const std::string& title, const std::string& key,
                      const std::vector<const plan::PlanStep*>& steps, std::ostream& out) {
  if (steps.empty()) return;
  out << "<details class=\"step-group\"" << (steps.size() <= 50 ? " open" : "") << "><summary>"
      << html_escape(title) << " <span class=\"count\" data-count=\"" << key << "\">"
      << steps.size() << "</span></summary>\n";
  write_steps_table(steps, out);
  out << "</details>\n";
}

void write_guards(const plan::Plan& plan, std::ostream& out) {
  out << "<h3>Guards</h3>\n<table class=\"guards\"><thead><tr><th>guard</th><th>verdict</th>"
         "<th>measured</th></tr></thead><tbody>\n";
  for (const auto& g : plan.guards) {
    const char* status = plan::to_string(g.status);
    out << "<tr class=\"guard-" << status << "\"><td>" << html_escape(g.name) << "</td><td>"
        << status << "</td><td>" << html_escape(g.message) << "</td></tr>\n";
  }
  out << "</tbody></table>\n";
}

void write_drift_list(const std::string& title, const std::string& key,
                      const std::vector<std::string>& lines, std::ostream& out) {
  out << "<h3>" << html_escape(title) << " <span class=\"count\" data-count=\"" << key << "\">"
      << lines.size() << "</span></h3>\n";
  if (lines.empty()) {
    out << "<p class=\"none\">None.</p>\n";
    return;
  }
  out << "<ul class=\"drift\">\n";
  for (const auto& line : lines)
    out << "<li>" << html_escape(line) << "</li>\n";
  out << "</ul>\n";
}

std::vector<std::string> drift_lines(const plan::Plan& plan,
                                     std::initializer_list<DriftItem::Kind> kinds) {
  std::vector<std::string> lines;
  for (const auto& item : plan.drift) {
    for (auto kind : kinds) {
      if (item.kind == kind) lines.push_back(drift_subject(item) + ": " + drift_text(item));
    }
  }
  return lines;
}

}  // namespace

void write_plan_section(const plan::Plan& plan, std::ostream& out) {
  out << "<section id=\"plan\"><h2>The plan</h2>\n<p class=\"summary\">"
      << html_escape(summary_text(plan))
      << " <span class=\"count\" data-count=\"summary.total_steps\">" << plan.steps.size()
      << "</span> steps.</p>\n";
  if (plan.is_refused()) {
    out << "<p class=\"refused\">A guard refused this plan: apply will not run it (exit 3).</p>\n";
  }
  std::vector<const plan::PlanStep*> privilege;
  for (const auto& step : plan.steps) {
    if (plan::is_privilege_change(step)) privilege.push_back(&step);
  }
  write_step_group("Privilege changes", "summary.privilege_changes", privilege, out);
  for (std::size_t a = 0; a < plan::k_action_count; ++a) {
    auto action = static_cast<Action>(a);
    std::vector<const plan::PlanStep*> steps;
    for (const auto& step : plan.steps) {
      if (step.action == action && !plan::is_privilege_change(step)) steps.push_back(&step);
    }
    write_step_group(plan::to_string(action), std::string("steps.") + plan::to_string(action),
                     steps, out);
  }
  if (!plan.warnings.empty()) {
    std::vector<std::string> lines;
    for (const auto& w : plan.warnings)
      lines.push_back(warning_text(w));
    write_drift_list("Warnings", "summary.warnings", lines, out);
  }
  write_guards(plan, out);
  out << "</section>\n";
}

void write_drift_section(const plan::Plan& plan, const AuditReport& report, std::ostream& out) {
  out << "<section id=\"drift\"><h2>Drift</h2>\n";
  write_drift_list("Unmanaged members", "drift.unmanaged",
                   drift_lines(plan, {DriftItem::Kind::unmanaged}), out);
  write_drift_list(
      "Removed outside roster (recoverable until)", "drift.removed_outside+removed_recoverable",
      drift_lines(plan, {DriftItem::Kind::removed_outside, DriftItem::Kind::removed_recoverable}),
      out);
  write_drift_list("Pending invitations", "drift.pending_invite",
                   drift_lines(plan, {DriftItem::Kind::pending_invite}), out);
  out << "<figure>" << bar_chart_svg("Pending invitations by age", report.invitation_ages)
      << "<figcaption>Pending invitations by age"
      << (report.whole_team ? " (every invited member of the team)"
                            : " (the invitations the plan reports)")
      << "</figcaption></figure>\n";
  write_drift_list("Unmanaged groups", "drift.unmanaged_group",
                   drift_lines(plan, {DriftItem::Kind::unmanaged_group}), out);
  std::vector<std::string> scheduled;
  for (const auto& item : plan.scheduled)
    scheduled.push_back(item.email + ": " + scheduled_text(item));
  write_drift_list("Scheduled removals", "summary.scheduled", scheduled, out);
  out << "</section>\n";
}

}  // namespace roster::render
