#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <optional>

#include "roster/render/render_plan.hpp"
#include "scope_text.hpp"
#include "step_text.hpp"

namespace roster::render {

using plan::Action;

namespace {

constexpr std::size_t k_max_email_column = 36;

class Painter {
 public:
  explicit Painter(const Style& style) : m_on(style.color) {}
  std::string operator()(const char* colour, std::string_view text) const {
    if (!m_on) return std::string(text);
    return fmt::format("{}{}\x1b[0m", colour, text);
  }

 private:
  bool m_on;
};

void render_steps(const plan::Plan& plan, const Painter& paint, std::ostream& out) {
  std::size_t width = 0;  // by the emails alone: a rare "(on the team as ...)" overflows
  std::size_t words = 9;  // "unsuspend"; wider when access steps are present
  for (const auto& s : plan.steps) {
    width = std::max(width, s.email.size());
    words = std::max(words, std::string_view(action_word(s.action)).size());
  }
  width = std::min(width, k_max_email_column);
  std::optional<Action> group;
  for (const auto& s : plan.steps) {
    if (group && *group != s.action) out << '\n';
    group = s.action;
    std::string details = details_text(s);
    std::string reason = reason_text(s);
    std::string text = details.empty() ? reason : details + "; " + reason;
    fmt::print(out, "  {} {:<{}} {:<{}}  {}\n",
               paint(action_colour(s.action), action_symbol(s.action)), action_word(s.action),
               words, subject_text(s), width, text);
  }
}

void render_guards(const plan::Plan& plan, const Painter& paint, std::ostream& out) {
  out << "\nGuards:\n";
  for (const auto& g : plan.guards) {
    switch (g.status) {
      case plan::GuardResult::Status::passed:
        fmt::print(out, "  {} {}: {}\n", paint("\x1b[32m", "ok"), g.name, g.message);
        break;
      case plan::GuardResult::Status::refused:
        fmt::print(out, "  {} {}: {}\n", paint("\x1b[1;31m", "REFUSED"), g.name, g.message);
        break;
      case plan::GuardResult::Status::not_checked:
        fmt::print(out, "  -- {}: not checked: {}\n", g.name, g.message);
        break;
    }
  }
}

}  // namespace

void render_plan_human(const plan::Plan& plan, const Style& style, std::ostream& out) {
  Painter paint(style);
  const auto& sum = plan.summary;
  fmt::print(out, "Manifest: {} members. Team: {} live members, {} removed.\n", sum.desired_members,
             sum.live_members, sum.removed_members);
  if (plan.targets) out << targets_text(*plan.targets) << '\n';
  if (plan.has_changes()) {
    out << "\nroster will make these changes:\n\n";
    render_steps(plan, paint, out);
  }
  if (!plan.warnings.empty()) {
    out << "\nWarnings:\n";
    for (const auto& w : plan.warnings) {
      fmt::print(out, "  {} {}\n", paint("\x1b[33m", "!"), warning_text(w));
    }
  }
  if (!plan.drift.empty()) {
    out << "\nDrift the plan leaves alone:\n";
    for (const auto& d : plan.drift)
      fmt::print(out, "  ? {}: {}\n", drift_subject(d), drift_text(d));
  }
  if (!plan.scheduled.empty()) {
    out << "\nScheduled for a later plan:\n";
    for (const auto& s : plan.scheduled)
      fmt::print(out, "  ◷ {}: {}\n", s.email, scheduled_text(s));
  }
  if (plan.licenses) {
    out << '\n';
    for (const auto& line : license_lines(*plan.licenses))
      out << line << '\n';
  }
  render_guards(plan, paint, out);
  out << '\n' << summary_text(plan);
  if (!plan.scheduled.empty()) out << ' ' << scheduled_summary(plan);
  if (!plan.warnings.empty()) {
    fmt::print(out, " {} warning{}.", plan.warnings.size(), plan.warnings.size() == 1 ? "" : "s");
  }
  if (plan.is_refused()) out << " Refused by a safety guard: apply will not run this plan.";
  out << '\n';
}

}  // namespace roster::render
