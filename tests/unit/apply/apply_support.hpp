// What the executor's unit tests share: plan builders and a run against FakeTeamApi.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "roster/apply/apply_plan.hpp"
#include "support/fake_team_api.hpp"

namespace roster::test {

/// A step of `action` for an existing member (`id:EMAIL`), or an invite (no id).
inline plan::PlanStep step(plan::Action action, const std::string& email) {
  plan::PlanStep s;
  s.action = action;
  s.email = email;
  s.team_member_id = action == plan::Action::invite ? "" : "id:" + email;
  s.observed_status = model::MemberStatus::active;
  return s;
}

/// The steps in phase order (stable: steps of one action keep their order).
inline plan::Plan plan_of(std::vector<plan::PlanStep> steps) {
  plan::Plan p;
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto& a, const auto& b) { return a.action < b.action; });
  p.steps = std::move(steps);
  return p;
}

struct Run {
  FakeTeamApi api;
  ManualClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  apply::NullProgress progress;
  apply::ApplyOptions options;

  apply::ApplyReport operator()(const plan::Plan& p) {
    return apply::apply_plan(p, api, options, stop, gate, progress);
  }
};

inline std::ptrdiff_t position(const std::vector<std::string>& calls, const std::string& call) {
  return std::find(calls.begin(), calls.end(), call) - calls.begin();
}

inline std::ptrdiff_t count(const std::vector<std::string>& calls, const std::string& call) {
  return std::count(calls.begin(), calls.end(), call);
}

}  // namespace roster::test
