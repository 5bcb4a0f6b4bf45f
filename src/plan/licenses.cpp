// Licenses before and after the plan (decision 0037). Invited, active and suspended members
// hold a license (REFERENCE.md §9); an invitation or a recovery takes one, the removal of a
// live member frees one, a suspension frees none. A plan that needs more than the team has
// free says so, naming the steps that will fail, but is not refused: the others still apply.
#include <fmt/format.h>

#include <algorithm>

#include "planner.hpp"

namespace roster::plan {

namespace {

bool takes_license(const PlanStep& s) {
  return s.action == Action::invite || s.action == Action::recover;
}

bool frees_license(const PlanStep& s) {
  return s.action == Action::remove && s.observed_status &&
         *s.observed_status != model::MemberStatus::removed;
}

// A removal that transfers files to a member this plan recovers waits for that recovery,
// so it cannot be what makes the recoveries fit.
bool waits_for_recovery(const PlanStep& removal, const std::vector<PlanStep>& steps) {
  return std::any_of(steps.begin(), steps.end(), [&](const PlanStep& s) {
    return s.action == Action::recover &&
           (s.email == removal.transfer_to || s.email == removal.transfer_admin);
  });
}

std::size_t count_held(const model::ObservedTeam& observed) {
  return static_cast<std::size_t>(
      std::count_if(observed.members.begin(), observed.members.end(), &model::is_live));
}

std::string failing_text(const LicenseForecast& f, std::size_t needed, std::size_t usable,
                         bool only_invitations) {
  const auto n = f.failing.size();
  const char* what = only_invitations
                         ? (n == 1 ? "invitation" : "invitations")
                         : (n == 1 ? "invitation or recovery" : "invitations and recoveries");
  return fmt::format(
      "{} {} will fail with team_license_limit: the plan needs {} license{} and {} will be "
      "free{}; in plan order, these get none: {}",
      n, what, needed, needed == 1 ? "" : "s", usable,
      f.removals_first ? " once its removals have run" : "", fmt::join(f.failing, ", "));
}

}  // namespace

void Planner::forecast_licenses() {
  if (!m_observed.licenses) return;
  const auto& counts = *m_observed.licenses;
  LicenseForecast f;
  f.licensed = counts.licensed;
  f.provisioned = counts.provisioned;
  f.reported_used = counts.used;
  f.before = count_held(m_observed);
  std::size_t needed = 0, freed = 0, freed_first = 0;
  for (const auto& s : m_plan.steps) {
    if (takes_license(s)) needed++;
    if (!frees_license(s)) continue;
    freed++;
    if (!waits_for_recovery(s, m_plan.steps)) freed_first++;
  }
  f.after = f.before + needed - freed;
  f.free = f.licensed > f.after ? f.licensed - f.after : 0;
  if (counts.used != 0 && counts.used != f.before) {
    warn("", fmt::format("team/get_info reports {} licenses in use but the listing counts {}: "
                         "free licenses are judged from the larger number",
                         counts.used, f.before));
  }
  // The larger of the two counts: a disagreement predicts failures rather than hiding them.
  const std::size_t held = std::max<std::size_t>(f.before, counts.used);
  const std::size_t free_now = f.licensed > held ? f.licensed - held : 0;
  if (needed > free_now) {
    f.removals_first = freed_first > 0;
    const std::size_t usable = free_now + freed_first;
    std::size_t short_by = needed > usable ? needed - usable : 0;
    bool only_invitations = true;
    // Steps are in plan order; the last `short_by` that take a license are those that fail.
    for (auto it = m_plan.steps.rbegin(); it != m_plan.steps.rend() && short_by > 0; ++it) {
      if (!takes_license(*it)) continue;
      f.failing.insert(f.failing.begin(), it->email);
      only_invitations = only_invitations && it->action == Action::invite;
      short_by--;
    }
    if (!f.failing.empty()) {
      warn("", failing_text(f, needed, usable, only_invitations));
    }
  }
  // finish() sorted the warnings: those without an email come first.
  std::stable_sort(m_plan.warnings.begin(), m_plan.warnings.end(),
                   [](const PlanWarning& a, const PlanWarning& b) { return a.email < b.email; });
  m_plan.licenses = std::move(f);
}

}  // namespace roster::plan
