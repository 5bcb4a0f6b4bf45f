// The HTML audit report (issue 12): one self-contained page. The CSP admits exactly the
// page's own inline style and script blocks, by their SHA-256, and nothing from anywhere.
#include <fmt/format.h>

#include "audit_html.hpp"
#include "roster/core/sha256.hpp"

namespace roster::render {

namespace {

std::string content_security_policy(std::string_view css, std::string_view js) {
  return fmt::format(
      "default-src 'none'; script-src 'sha256-{}'; style-src 'sha256-{}'; img-src data:; "
      "connect-src 'none'; form-action 'none'; base-uri 'none'",
      core::sha256_base64(js), core::sha256_base64(css));
}

void write_fact(const char* label, const std::string& value, std::ostream& out) {
  out << "<tr><th>" << label << "</th><td>" << html_escape(value) << "</td></tr>\n";
}

void write_team_section(const planfile::SavedPlan& saved, const AuditReport& report,
                        std::ostream& out) {
  out << "<section id=\"team\"><h2>The team</h2>\n<table class=\"facts\"><tbody>\n";
  write_fact("Name", saved.team_name.value_or("(not recorded)"), out);
  write_fact("Team id", saved.team_id.value_or("(not recorded)"), out);
  write_fact("Read at", saved.created_at, out);
  write_fact("Source", saved.source == "live" ? "the live team" : "a saved listing (--observed)",
             out);
  if (const auto& l = saved.plan.licenses) {
    std::size_t free_now = l->licensed > l->before ? l->licensed - l->before : 0;
    write_fact("Licenses",
               fmt::format("{} licensed, {} used, {} free now, {} free once the plan is applied",
                           l->licensed, l->before, free_now, l->free),
               out);
  } else {
    write_fact("Licenses", "unknown (the listing does not record them)", out);
  }
  write_fact("Manifest", saved.manifest_digest, out);
  write_fact("roster", saved.roster_version, out);
  out << "</tbody></table>\n";
  if (!report.whole_team) {
    out << "<p class=\"partial\" id=\"partial-note\">Made from a saved plan: it records the "
           "members its steps and drift name, not the whole team. Counts by state are the "
           "plan's; admin roles are not recorded.</p>\n";
  }
  out << "</section>\n";
}

void write_counts_section(const plan::Plan& plan, const AuditReport& report, std::ostream& out) {
  out << "<section id=\"counts\"><h2>Counts</h2>\n<table class=\"counts\"><tbody>\n";
  for (const auto& c : report.by_state) {
    out << "<tr><th>" << html_escape(c.label) << "</th><td data-count=\"state."
        << html_escape(c.label) << "\">" << c.count << "</td></tr>\n";
  }
  out << "<tr><th>live (active, invited, suspended)</th><td data-count=\"summary.live_members\">"
      << plan.summary.live_members << "</td></tr>\n<tr><th>in the manifest</th>"
      << "<td data-count=\"summary.desired_members\">" << plan.summary.desired_members
      << "</td></tr>\n</tbody></table>\n<div class=\"charts\"><figure>"
      << bar_chart_svg("Members by state", report.by_state)
      << "<figcaption>Members by state</figcaption></figure>\n";
  if (!report.by_role.empty()) {
    out << "<figure>" << bar_chart_svg("Live members by admin role", report.by_role)
        << "<figcaption>Live members by admin role</figcaption></figure>\n";
  }
  out << "</div></section>\n";
}

void write_members_section(const AuditReport& report, std::ostream& out) {
  out << "<section id=\"members\"><h2>Members</h2>\n"
         "<p class=\"controls\"><label>Filter <input id=\"filter\" type=\"search\" "
         "autocomplete=\"off\" placeholder=\"type part of an email, name, group...\"></label> "
         "<span id=\"match-count\" aria-live=\"polite\"></span></p>\n"
         "<div id=\"member-table\" class=\"member-table\" role=\"table\"></div>\n"
         "<noscript><p>The member table needs JavaScript; the data is in this file's "
         "roster-data block.</p></noscript>\n";
  if (!report.whole_team) {
    out << "<p class=\"partial\">Only the members the saved plan names.</p>\n";
  }
  out << "</section>\n";
}

}  // namespace

void render_audit_html(const planfile::SavedPlan& saved, const AuditReport& report,
                       std::ostream& out) {
  auto css = report_css();
  auto js = report_js();
  std::string title =
      "roster audit report: " + saved.team_name.value_or("team") + ", " + saved.created_at;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\""
      << content_security_policy(css, js) << "\">\n"
      << "<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<meta name=\"referrer\" content=\"no-referrer\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>" << css << "</style>\n</head>\n"
      << "<body>\n<header><h1>" << html_escape(title) << "</h1></header>\n<main>\n";
  write_team_section(saved, report, out);
  write_counts_section(saved.plan, report, out);
  write_plan_section(saved.plan, out);
  write_drift_section(saved.plan, report, out);
  write_members_section(report, out);
  out << "</main>\n<script type=\"application/json\" id=\"roster-data\">"
      << audit_data_json(saved, report) << "</script>\n<script>" << js
      << "</script>\n</body>\n</html>\n";
}

}  // namespace roster::render
