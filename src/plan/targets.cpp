// --target (decision 0038): the plan keeps only the steps about the named members, so that an
// urgent offboarding need not wait for a large pending change. Everything else is counted,
// never silently dropped; the guards then judge the kept steps against the whole team.
#include "roster/plan/targets.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "planner.hpp"

namespace roster::plan {

namespace {

bool contains(const std::vector<std::string>& sorted, const std::string& email) {
  return !email.empty() && std::binary_search(sorted.begin(), sorted.end(), email);
}

bool is_about(const PlanStep& s, const std::vector<std::string>& targets) {
  return !is_group_step(s) && (contains(targets, s.email) || contains(targets, s.observed_email));
}

bool is_presence(Action action) {
  return action == Action::recover || action == Action::invite || action == Action::unsuspend;
}

// The left-out step that `s` cannot run without (apply's prerequisites across members:
// the create_group of a new group, a transfer destination's arrival), or nullptr.
const PlanStep* needed_left_out(const PlanStep& s, const std::vector<PlanStep>& left_out) {
  for (const auto& o : left_out) {
    if (o.action == Action::create_group && s.group_id.empty() && !s.group_name.empty() &&
        o.group_name == s.group_name) {
      return &o;
    }
    if (s.action == Action::remove && is_presence(o.action) &&
        (o.email == s.transfer_to || o.email == s.transfer_admin)) {
      return &o;
    }
  }
  return nullptr;
}

std::string describe(const PlanStep& s) {
  if (is_group_step(s)) return fmt::format("{} \"{}\"", to_string(s.action), s.group_name);
  return fmt::format("{} of {}", to_string(s.action), s.email);
}

}  // namespace

std::vector<std::string> unknown_targets(const model::DesiredTeam& desired,
                                         const model::ObservedTeam& observed,
                                         const std::vector<std::string>& targets) {
  std::vector<std::string> unknown;
  for (const auto& t : targets) {
    bool declared = std::any_of(desired.members.begin(), desired.members.end(),
                                [&](const model::DesiredMember& m) { return m.email == t; });
    bool listed = std::any_of(observed.members.begin(), observed.members.end(),
                              [&](const model::ObservedMember& m) { return m.email == t; });
    if (!declared && !listed) unknown.push_back(t);
  }
  return unknown;
}

bool Planner::runs_without(const std::vector<PlanStep>& left_out, const PlanStep& step) {
  const PlanStep* needed = needed_left_out(step, left_out);
  if (needed == nullptr) return true;
  warn(step.email, fmt::format("{} left out: it needs {}, which --target leaves out",
                               to_string(step.action), describe(*needed)));
  return false;
}

void Planner::keep_targets() {
  if (m_options.targets.empty()) return;
  TargetScope scope;
  scope.emails = m_options.targets;
  std::sort(scope.emails.begin(), scope.emails.end());
  scope.emails.erase(std::unique(scope.emails.begin(), scope.emails.end()), scope.emails.end());
  std::vector<PlanStep> kept, left_out;
  for (auto& s : m_plan.steps)
    (is_about(s, scope.emails) ? kept : left_out).push_back(std::move(s));
  // A kept step whose prerequisite is left out cannot run: it is left out too, and said so.
  std::vector<PlanStep> runnable;
  for (auto& s : kept) {
    if (runs_without(left_out, s)) {
      runnable.push_back(std::move(s));
    } else {
      left_out.push_back(std::move(s));
    }
  }
  m_plan.steps = std::move(runnable);
  scope.left_out = left_out.size();
  auto other = [&](const std::string& email) { return !contains(scope.emails, email); };
  scope.left_out_drift = static_cast<std::size_t>(
      std::erase_if(m_plan.drift, [&](const DriftItem& d) { return other(d.email); }));
  scope.left_out_warnings = static_cast<std::size_t>(std::erase_if(
      m_plan.warnings, [&](const PlanWarning& w) { return !w.email.empty() && other(w.email); }));
  scope.left_out_scheduled = static_cast<std::size_t>(
      std::erase_if(m_plan.scheduled, [&](const ScheduledRemoval& r) { return other(r.email); }));
  m_plan.targets = std::move(scope);
}

}  // namespace roster::plan
