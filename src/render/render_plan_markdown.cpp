// Markdown for pull-request comments (GitHub and GitLab flavoured).
#include <algorithm>
#include <array>

#include "roster/render/render_plan.hpp"
#include "scope_text.hpp"
#include "step_text.hpp"

namespace roster::render {

namespace {

constexpr std::size_t k_fold_steps_over = 20;

// Everything that comes from users (emails, names, messages) goes through here: no
// Markdown, HTML, table breaks or @mentions can be injected into the comment.
std::string md(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '@':
        out += "&#64;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '#':
      case '~':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* guard_mark(plan::GuardResult::Status status) {
  switch (status) {
    case plan::GuardResult::Status::passed:
      return "✅ passed";
    case plan::GuardResult::Status::refused:
      return "❌ **refused**";
    case plan::GuardResult::Status::not_checked:
      return "➖ not checked";
  }
  return "";
}

void write_steps(const plan::Plan& p, std::ostream& out) {
  bool fold = p.steps.size() > k_fold_steps_over;
  if (fold) out << "<details><summary>All " << p.steps.size() << " steps</summary>\n\n";
  out << "| | action | member | what is sent | why |\n|---|---|---|---|---|\n";
  for (const auto& s : p.steps) {
    out << "| " << md(action_symbol(s.action)) << " | " << action_word(s.action) << " | "
        << md(subject_text(s)) << " | " << md(details_text(s)) << " | " << md(reason_text(s))
        << " |\n";
  }
  if (fold) out << "\n</details>\n";
}

// Grants, changes and revocations of admin roles, before everything else: a reviewer
// must see who gains or loses power first (issue 9).
void write_privilege_changes(const plan::Plan& p, std::ostream& out) {
  auto n = std::count_if(p.steps.begin(), p.steps.end(), &plan::is_privilege_change);
  if (n == 0) return;
  out << "#### ⚠️ Privilege changes (" << n << ")\n\n| member | role | why |\n|---|---|---|\n";
  for (const auto& s : p.steps) {
    if (!plan::is_privilege_change(s)) continue;
    out << "| " << md(subject_text(s)) << " | " << md(details_text(s)) << " | "
        << md(reason_text(s)) << " |\n";
  }
  out << "\n";
}

void write_summary_table(const plan::Plan& p, std::ostream& out) {
  out << "| action | steps |\n|---|---:|\n";
  for (std::size_t i = 0; i < plan::k_action_count; ++i) {
    auto a = static_cast<plan::Action>(i);
    if (p.summary.steps_by_action[i] == 0) continue;
    out << "| " << md(action_symbol(a)) << " " << action_word(a) << " | "
        << p.summary.steps_by_action[i] << " |\n";
  }
}

}  // namespace

void render_plan_markdown(const planfile::SavedPlan& saved, std::ostream& out) {
  const auto& p = saved.plan;
  out << "### roster plan";
  if (saved.team_name) out << " for " << md(*saved.team_name);
  out << "\n\n";
  if (p.is_refused())
    out << "> [!CAUTION]\n> **Refused by a safety guard: apply will not run this plan.**\n\n";
  out << "**" << md(summary_text(p)) << "** " << p.warnings.size() << " warning"
      << (p.warnings.size() == 1 ? "" : "s") << ", " << p.drift.size() << " drift";
  if (!p.scheduled.empty()) out << ", " << p.scheduled.size() << " scheduled";
  out << ".\n\n";
  if (p.targets) out << "> [!NOTE]\n> " << md(targets_text(*p.targets)) << "\n\n";
  if (p.has_changes()) {
    write_privilege_changes(p, out);
    write_summary_table(p, out);
    out << "\n#### Changes\n\n";
    write_steps(p, out);
  }
  if (!p.warnings.empty()) {
    out << "\n#### Warnings\n\n";
    for (const auto& w : p.warnings)
      out << "- " << md(warning_text(w)) << "\n";
  }
  if (!p.drift.empty()) {
    out << "\n#### Drift the plan leaves alone\n\n";
    for (const auto& d : p.drift)
      out << "- " << md(drift_subject(d)) << ": " << md(drift_text(d)) << "\n";
  }
  if (!p.scheduled.empty()) {
    out << "\n#### Scheduled for a later plan\n\n";
    for (const auto& s : p.scheduled)
      out << "- " << md(s.email) << ": " << md(scheduled_text(s)) << "\n";
  }
  if (p.licenses) {
    out << "\n#### Licenses\n\n";
    for (const auto& line : license_lines(*p.licenses))
      out << "- " << md(line) << "\n";
  }
  out << "\n#### Guards\n\n| guard | result | measured |\n|---|---|---|\n";
  for (const auto& g : p.guards) {
    out << "| " << md(g.name) << " | " << guard_mark(g.status) << " | " << md(g.message) << " |\n";
  }
  out << "\n<sub>roster " << md(saved.roster_version) << " · " << md(saved.source)
      << " plan · manifest " << md(saved.manifest_digest.substr(0, 19)) << " · "
      << md(saved.created_at) << "</sub>\n";
}

}  // namespace roster::render
