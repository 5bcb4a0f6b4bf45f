#pragma once

#include <vector>

#include "roster/model/desired.hpp"
#include "roster/model/observed.hpp"
#include "roster/plan/plan.hpp"

namespace roster::plan {

// The safety guards of PRODUCT.md §6 (decisions 0003 and 0009). Each judges the record a
// step will change (its team_member_id and the email it has on the team), never only the
// manifest's words. make_plan() runs them all; `apply PLANFILE` runs recheck_guards()
// against the team as it is when the saved plan is applied.

/// True for a step that takes access away from a live record: a suspend, or a remove of an
/// active, invited or suspended member.
[[nodiscard]] bool takes_away_access(const PlanStep& step) noexcept;

/// True when `after` lowers an admin: to member_only, or team_admin to any other role.
[[nodiscard]] bool is_demotion(model::Role before, model::Role after) noexcept;

/// True for a role step that demotes its member (judged from the role it recorded).
[[nodiscard]] bool demotes(const PlanStep& step) noexcept;

/// True for a role step that takes team_admin away.
[[nodiscard]] bool takes_team_admin(const PlanStep& step) noexcept;

/// The email the step's record has on the team (the manifest's email for invites).
[[nodiscard]] const std::string& observed_email_of(const PlanStep& step) noexcept;

/// `last_admin`: refuses when no active team admin would remain, and fails closed: when
/// no active team admin can be recognised at all, any plan that takes access away is refused.
[[nodiscard]] GuardResult check_last_admin(const std::vector<PlanStep>& steps,
                                           const model::ObservedTeam& observed);

/// `token_admin`: refuses when a step takes access away from the admin who owns the token
/// (by team_member_id when known); not_checked when the listing does not say who that is.
[[nodiscard]] GuardResult check_token_admin(const std::vector<PlanStep>& steps,
                                            const model::ObservedTeam& observed);

/// `protected`: refuses when a step takes access away from a record whose email (on the team
/// or in the manifest) is in policy.protected.
[[nodiscard]] GuardResult check_protected(const std::vector<PlanStep>& steps,
                                          const model::Policy& policy);

/// `external_id_match`: refuses when a step would take access away from a record whose email
/// differs from the one the manifest declares (a match by external_id alone).
[[nodiscard]] GuardResult check_external_id_match(const std::vector<PlanStep>& steps);

/// The guards whose verdict depends on the team at the moment of applying: `last_admin`
/// and `token_admin`, evaluated for a saved plan's steps against the live team.
[[nodiscard]] std::vector<GuardResult> recheck_guards(const Plan& plan,
                                                      const model::ObservedTeam& live);

}  // namespace roster::plan
