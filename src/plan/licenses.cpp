// Licenses before and after the plan (decision 0037). Invited, active and suspended members
// hold a license (REFERENCE.md §9); an invitation or a recovery takes one, the removal of a
// live member frees one, a suspension frees none. A plan that needs more than the team has
// free says so, naming the steps that will fail, but is not refused: the others still apply.
#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

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
bool waits_for_recovery(const PlanStep& removal, const std::unordered_set<std::string>& recovered) {
  return recovered.count(removal.transfer_to) != 0 || recovered.count(removal.transfer_admin) != 0;
}

std::size_t count_held(const model::ObservedTeam& observed) {
  return static_cast<std::size_t>(
      std::count_if(observed.members.begin(), observed.members.end(), &model::is_live));
}

struct Needs {
  std::size_t taken = 0;        // invitations and recoveries
  std::size_t freed = 0;        // removals of live members
  std::size_t freed_first = 0;  // of those, the ones that can run before the takers
};

Needs count_needs(const std::vector<PlanStep>& steps) {
  std::unordered_set<std::string> recovered;
  for (const auto& s : steps) {
    if (s.action == Action::recover) recovered.insert(s.email);
  }
  Needs n;
  for (const auto& s : steps) {
    if (takes_license(s)) n.taken++;
    if (!frees_license(s)) continue;
    n.freed++;
    if (!waits_for_recovery(s, recovered)) n.freed_first++;
  }
  return n;
}

// The last `count` license-taking steps, in plan order: Dropbox grants licenses in the
// order the steps run, so these are the ones left without.
std::vector<const PlanStep*> last_takers(const std::vector<PlanStep>& steps, std::size_t count) {
  std::vector<const PlanStep*> out;
  for (auto it = steps.rbegin(); it != steps.rend() && out.size() < count; ++it) {
    if (takes_license(*it)) out.push_back(&*it);
  }
  std::reverse(out.begin(), out.end());
  return out;
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
  const Needs needs = count_needs(m_plan.steps);
  f.after = f.before + needs.taken - needs.freed;
  f.free = f.licensed > f.after ? f.licensed - f.after : 0;
  if (counts.used != 0 && counts.used != f.before) {
    warn("", fmt::format("team/get_info reports {} licenses in use but the listing counts {}: "
                         "free licenses are judged from the larger number",
                         counts.used, f.before));
  }
  // The larger of the two counts: a disagreement predicts failures rather than hiding them.
  const std::size_t held = std::max<std::size_t>(f.before, counts.used);
  const std::size_t free_now = f.licensed > held ? f.licensed - held : 0;
  if (needs.taken > free_now) {
    f.removals_first = needs.freed_first > 0;
    const std::size_t usable = free_now + needs.freed_first;
    if (needs.taken > usable) {
      bool only_invitations = true;
      for (const PlanStep* step : last_takers(m_plan.steps, needs.taken - usable)) {
        f.failing.push_back(step->email);
        only_invitations = only_invitations && step->action == Action::invite;
      }
      warn("", failing_text(f, needs.taken, usable, only_invitations));
    }
  }
  // finish() sorted the warnings: those without an email come first.
  std::stable_sort(m_plan.warnings.begin(), m_plan.warnings.end(),
                   [](const PlanWarning& a, const PlanWarning& b) { return a.email < b.email; });
  m_plan.licenses = std::move(f);
}

}  // namespace roster::plan
