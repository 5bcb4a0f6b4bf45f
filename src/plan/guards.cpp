// Safety guards decided from the plan and the listing (PRODUCT.md §6). A refused
// guard leaves the plan intact for review; apply will not run it.
#include <cmath>
#include <cstdio>

#include "planner.hpp"

namespace roster::plan {

namespace {

bool takes_away_access(const PlanStep& s) {
  return (s.action == Action::suspend || s.action == Action::remove) && s.observed_status &&
         *s.observed_status != model::MemberStatus::removed;
}

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100.0);
  return buf;
}

}  // namespace

void Planner::check_guards() {
  check_removal_fraction();
  check_last_admin();
  check_token_admin();
  check_team_name();
}

void Planner::check_removal_fraction() {
  std::size_t live = 0;
  for (const auto& m : m_observed.members)
    live += model::is_live(m) ? 1U : 0U;
  std::size_t removals = 0;
  for (const auto& s : m_plan.steps)
    removals += takes_away_access(s) ? 1U : 0U;
  m_plan.summary.removals = removals;
  double limit = m_options.max_removal_fraction.value_or(m_desired.policy.max_removal_fraction);
  auto allowed = static_cast<std::size_t>(std::floor(limit * static_cast<double>(live) + 1e-9));
  double fraction = live == 0 ? 0.0 : static_cast<double>(removals) / static_cast<double>(live);
  GuardResult g{"removal_fraction", GuardResult::Status::passed, ""};
  char limit_text[32];
  std::snprintf(limit_text, sizeof limit_text, "%g", limit);
  g.message = "suspends or removes " + std::to_string(removals) + " of " + std::to_string(live) +
              " live members (" + percent(fraction) + "); max_removal_fraction " + limit_text +
              " allows " + std::to_string(allowed);
  if (removals > allowed) g.status = GuardResult::Status::refused;
  m_plan.guards.push_back(std::move(g));
}

void Planner::check_last_admin() {
  std::vector<std::string_view> admins;
  for (const auto& m : m_observed.members) {
    if (m.status == model::MemberStatus::active && m.role == model::Role::team_admin) {
      admins.push_back(m.email);
    }
  }
  GuardResult g{"last_admin", GuardResult::Status::passed, ""};
  if (admins.empty()) {
    g.status = GuardResult::Status::not_checked;
    g.message = "the listing shows no active team admin";
    m_plan.guards.push_back(std::move(g));
    return;
  }
  std::size_t lost = 0;
  for (const auto& s : m_plan.steps) {
    if (!takes_away_access(s)) continue;
    for (auto a : admins)
      lost += a == s.email ? 1U : 0U;
  }
  std::size_t left = admins.size() - lost;
  g.message = std::to_string(left) + " of " + std::to_string(admins.size()) +
              " active team admins remain after the plan";
  if (left == 0) {
    g.status = GuardResult::Status::refused;
    g.message = "the plan suspends or removes every active team admin (" +
                std::to_string(admins.size()) + "); at least one must remain";
  }
  m_plan.guards.push_back(std::move(g));
}

void Planner::check_token_admin() {
  GuardResult g{"token_admin", GuardResult::Status::passed, ""};
  const auto& admin = m_observed.authenticated_admin_email;
  if (!admin) {
    g.status = GuardResult::Status::not_checked;
    g.message = "the token's admin is known only when planning live";
    m_plan.guards.push_back(std::move(g));
    return;
  }
  g.message = *admin + " (the token's admin) is not suspended or removed";
  for (const auto& s : m_plan.steps) {
    if (takes_away_access(s) && s.email == *admin) {
      g.status = GuardResult::Status::refused;
      g.message = "the plan would " + std::string(to_string(s.action)) + " " + *admin +
                  ", the admin whose token roster uses";
    }
  }
  m_plan.guards.push_back(std::move(g));
}

void Planner::check_team_name() {
  GuardResult g{"team_name", GuardResult::Status::passed, ""};
  const auto& want = m_desired.team_name;
  const auto& have = m_observed.team_name;
  if (!want) {
    g.status = GuardResult::Status::not_checked;
    g.message = "the manifest declares no team.name";
  } else if (!have) {
    g.status = GuardResult::Status::not_checked;
    g.message = "the team's name is known only when planning live";
  } else if (*want != *have) {
    g.status = GuardResult::Status::refused;
    g.message = "the manifest is for team \"" + *want + "\" but the token belongs to team \"" +
                *have + "\"";
  } else {
    g.message = "team \"" + *have + "\" matches team.name";
  }
  m_plan.guards.push_back(std::move(g));
}

}  // namespace roster::plan
