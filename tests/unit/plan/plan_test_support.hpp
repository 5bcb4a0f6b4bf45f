#pragma once

#include <string>
#include <vector>

#include "roster/plan/make_plan.hpp"
#include "support/builders.hpp"

namespace roster::test {

/// A desired team whose guards stay quiet unless a test sets them.
inline model::DesiredTeam permissive_team() {
  model::DesiredTeam team;
  team.policy.max_removal_fraction = 1.0;
  team.members.push_back(desired("admin@acme.com"));
  return team;
}

/// An observed team holding the active team admin that permissive_team() declares.
inline model::ObservedTeam team_with_admin() {
  model::ObservedTeam team;
  team.members.push_back(team_admin("admin@acme.com"));
  return team;
}

inline constexpr model::Timestamp k_now = 1'795'000'000;  // 2026-11-18T...

inline plan::Plan plan_of(const model::DesiredTeam& desired, const model::ObservedTeam& observed,
                          std::optional<double> max_fraction = std::nullopt) {
  return plan::make_plan(desired, observed, plan::PlanOptions{k_now, max_fraction, {}, {}});
}

/// "action email" for every step, in plan order.
inline std::vector<std::string> steps_of(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& s : p.steps)
    out.push_back(std::string(plan::to_string(s.action)) + " " + s.email);
  return out;
}

inline const plan::GuardResult& guard(const plan::Plan& p, const std::string& name) {
  for (const auto& g : p.guards) {
    if (g.name == name) return g;
  }
  throw std::logic_error("no guard " + name);
}

}  // namespace roster::test
