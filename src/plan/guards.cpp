// Safety guards decided from the plan and the listing (PRODUCT.md §6, decision 0009). A
// refused guard leaves the plan intact for review; apply will not run it.
#include "roster/plan/guards.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "planner.hpp"

namespace roster::plan {

namespace {

using Status = GuardResult::Status;

// "admin@acme.com" or "admin@acme.com (declared as ada.new@acme.com)".
std::string account_of(const PlanStep& s) {
  const auto& on_team = observed_email_of(s);
  if (on_team == s.email) return on_team;
  return fmt::format("{} (declared as {})", on_team, s.email);
}

std::size_t count_live(const model::ObservedTeam& observed) {
  return static_cast<std::size_t>(
      std::count_if(observed.members.begin(), observed.members.end(),
                    [](const model::ObservedMember& m) { return model::is_live(m); }));
}

}  // namespace

bool takes_away_access(const PlanStep& s) noexcept {
  return (s.action == Action::suspend || s.action == Action::remove) && s.observed_status &&
         *s.observed_status != model::MemberStatus::removed;
}

const std::string& observed_email_of(const PlanStep& s) noexcept {
  return s.observed_email.empty() ? s.email : s.observed_email;
}

GuardResult check_last_admin(const std::vector<PlanStep>& steps,
                             const model::ObservedTeam& observed) {
  std::unordered_set<std::string_view> admins;
  for (const auto& m : observed.members) {
    if (m.status == model::MemberStatus::active && m.role == model::Role::team_admin) {
      admins.insert(m.team_member_id);
    }
  }
  std::size_t taking = 0;
  std::unordered_set<std::string_view> lost;
  for (const auto& s : steps) {
    if (!takes_away_access(s)) continue;
    ++taking;
    if (admins.count(s.team_member_id) != 0) lost.insert(s.team_member_id);
  }
  GuardResult g{"last_admin", Status::passed, ""};
  if (admins.empty()) {
    // Fail closed: without a recognisable admin, roster cannot tell whether a removal
    // takes the last one (roles are read by role_id; decision 0009).
    if (taking == 0) {
      g.message =
          "no active team admin is recognised in the listing; the plan takes access "
          "from nobody";
    } else {
      g.status = Status::refused;
      g.message = fmt::format(
          "no active team admin can be recognised in the listing (roles are read by role_id), "
          "so roster cannot tell whether the plan's {} suspension{} or removal{} leave one",
          taking, taking == 1 ? "" : "s", taking == 1 ? "" : "s");
    }
    return g;
  }
  std::size_t left = admins.size() - lost.size();
  g.message = fmt::format("{} of {} active team admins remain after the plan", left, admins.size());
  if (left == 0) {
    g.status = Status::refused;
    g.message = fmt::format(
        "the plan suspends or removes every active team admin ({}); at least one must remain",
        admins.size());
  }
  return g;
}

GuardResult check_token_admin(const std::vector<PlanStep>& steps,
                              const model::ObservedTeam& observed) {
  GuardResult g{"token_admin", Status::passed, ""};
  const auto& email = observed.authenticated_admin_email;
  const auto& id = observed.authenticated_admin_id;
  if (!email && !id) {
    g.status = Status::not_checked;
    g.message =
        "the token's admin is known only when planning live (or from a snapshot "
        "that records it)";
    return g;
  }
  std::string name = email.value_or(id.value_or(""));
  g.message = fmt::format("{} (the token's admin) is not suspended or removed", name);
  for (const auto& s : steps) {
    bool is_admin = id ? s.team_member_id == *id : observed_email_of(s) == *email;
    if (takes_away_access(s) && is_admin) {
      g.status = Status::refused;
      g.message = fmt::format("the plan would {} {}, the admin whose token roster uses",
                              to_string(s.action), account_of(s));
      break;
    }
  }
  return g;
}

GuardResult check_protected(const std::vector<PlanStep>& steps, const model::Policy& policy) {
  GuardResult g{"protected", Status::passed, ""};
  const auto& list = policy.protected_emails;
  auto is_protected = [&](const std::string& email) {
    return std::binary_search(list.begin(), list.end(), email);
  };
  g.message =
      fmt::format("no member of policy.protected ({} listed) is suspended or removed", list.size());
  for (const auto& s : steps) {
    if (takes_away_access(s) && (is_protected(observed_email_of(s)) || is_protected(s.email))) {
      g.status = Status::refused;
      g.message = fmt::format("the plan would {} {}, which policy.protected lists",
                              to_string(s.action), account_of(s));
      break;
    }
  }
  return g;
}

GuardResult check_external_id_match(const std::vector<PlanStep>& steps) {
  GuardResult g{"external_id_match", Status::passed,
                "no suspension or removal rests on a match by external_id alone"};
  for (const auto& s : steps) {
    if (takes_away_access(s) && observed_email_of(s) != s.email) {
      g.status = Status::refused;
      g.message = fmt::format(
          "{} is declared {} but only its external_id matches {} on the team; roster does not "
          "{} an account under another email (declare {} itself)",
          s.email, s.action == Action::suspend ? "suspended" : "removed", observed_email_of(s),
          to_string(s.action), observed_email_of(s));
      break;
    }
  }
  return g;
}

std::vector<GuardResult> recheck_guards(const Plan& plan, const model::ObservedTeam& live) {
  return {check_last_admin(plan.steps, live), check_token_admin(plan.steps, live)};
}

void Planner::check_guards() {
  check_removal_fraction();
  m_plan.guards.push_back(check_last_admin(m_plan.steps, m_observed));
  m_plan.guards.push_back(check_token_admin(m_plan.steps, m_observed));
  m_plan.guards.push_back(check_protected(m_plan.steps, m_desired.policy));
  m_plan.guards.push_back(check_external_id_match(m_plan.steps));
  check_team_name();
}

void Planner::check_removal_fraction() {
  std::size_t live = count_live(m_observed);
  std::size_t removals = static_cast<std::size_t>(
      std::count_if(m_plan.steps.begin(), m_plan.steps.end(), takes_away_access));
  m_plan.summary.removals = removals;
  double limit = m_options.max_removal_fraction.value_or(m_desired.policy.max_removal_fraction);
  auto allowed = static_cast<std::size_t>(std::floor(limit * static_cast<double>(live) + 1e-9));
  double fraction = live == 0 ? 0.0 : static_cast<double>(removals) / static_cast<double>(live);
  GuardResult g{"removal_fraction", Status::passed, ""};
  g.message = fmt::format(
      "suspends or removes {} of {} live members ({:.1f}%); max_removal_fraction {} allows {}",
      removals, live, fraction * 100.0, limit, allowed);
  if (removals > allowed) g.status = Status::refused;
  m_plan.guards.push_back(std::move(g));
}

void Planner::check_team_name() {
  GuardResult g{"team_name", Status::passed, ""};
  const auto& want = m_desired.team_name;
  const auto& have = m_observed.team_name;
  if (!want) {
    g.status = Status::not_checked;
    g.message = "the manifest declares no team.name";
  } else if (!have) {
    g.status = Status::not_checked;
    g.message =
        "the team's name is known only when planning live (or from a snapshot that "
        "records it)";
  } else if (*want != *have) {
    g.status = Status::refused;
    g.message = fmt::format("the manifest is for team \"{}\" but the token belongs to team \"{}\"",
                            *want, *have);
  } else {
    g.message = fmt::format("team \"{}\" matches team.name", *have);
  }
  m_plan.guards.push_back(std::move(g));
}

}  // namespace roster::plan
