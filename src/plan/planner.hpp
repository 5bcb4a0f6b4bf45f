#pragma once

#include <map>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "match_members.hpp"
#include "roster/plan/make_plan.hpp"

namespace roster::plan {

/// The working state of one make_plan() call; its parts live in several files
/// (cells, unmanaged members, transfers, guards) that share these fields.
class Planner {
 public:
  Planner(const model::DesiredTeam& desired, const model::ObservedTeam& observed,
          const PlanOptions& options)
      : m_desired(desired), m_observed(observed), m_options(options) {}

  Plan run();

 private:
  // make_plan.cpp: PRODUCT.md §4, one manifest member at a time.
  void plan_member(const Match& match);
  void plan_active(const Match& match);
  void plan_suspended(const Match& match);
  void plan_removed(const Match& match);
  void plan_profile(const Match& match);
  PlanStep step(Action action, Reason reason, const Match& match) const;
  /// A step about `observed` (nullptr: not on the team), for the member known as `email`.
  PlanStep step(Action action, Reason reason, const std::string& email,
                const model::ObservedMember* observed) const;
  PlanStep removal(const model::ObservedMember& member, const model::RemoveOptions& options,
                   Reason reason) const;
  void warn(const std::string& email, std::string message);

  // unmanaged.cpp: live members the manifest does not list.
  void plan_unmanaged(const model::ObservedMember& member);
  bool is_untouchable(const model::ObservedMember& member, std::string& why) const;

  // staged_removal.cpp: removal after a grace period (decision 0031) and recovery
  // windows (decision 0032).
  void remove_member(const model::ObservedMember& member, const std::string& email,
                     const model::RemoveOptions& options, const model::SuspendOptions& suspend,
                     Reason reason);
  void remove_after_suspension(const model::ObservedMember& member, const std::string& email,
                               const model::RemoveOptions& options, Reason reason);
  void schedule_removal(const model::ObservedMember& member, const std::string& email,
                        std::optional<model::Timestamp> due, std::uint32_t days, Reason reason);
  void note_removed(const model::ObservedMember& member, const std::string& email,
                    DriftItem::Kind kind);
  [[nodiscard]] model::Timestamp recovery_deadline() const;

  // invitations.cpp: invitations nobody accepts (decision 0033).
  bool expire_invitation(const model::ObservedMember& member, const std::string& email);
  void resend_invitation(const Match& match);
  bool blocks_reinvite(const Match& match);
  [[nodiscard]] std::optional<std::int64_t> invitation_age(const model::ObservedMember& m) const;

  // transfers.cpp: removals whose transfer destination cannot receive files are deferred.
  void settle_removals();
  bool ends_active(std::string_view email) const;

  // access.cpp: roles, secondary emails and space limits of manifest members (issue 9).
  void plan_access(const Matching& matching);
  void revoke_leaving_roles();
  void plan_role(const Match& match);
  void plan_secondary_emails(const Match& match);
  void plan_space_limit(const Match& match);
  PlanStep access_step(Action action, Reason reason, const Match& match) const;
  const model::ObservedMember* observed_by_id(std::string_view id) const;

  // groups.cpp: declared groups, their membership, and undeclared groups (issue 9).
  struct GroupMember;
  void plan_groups(const Matching& matching);
  void plan_group(const model::DesiredGroup& want, const model::ObservedGroup* have);
  void plan_membership(const model::DesiredGroup& want, const model::ObservedGroup* have,
                       const std::map<std::string_view, GroupMember>& members,
                       const std::unordered_set<std::string_view>& removed);

  // guards.cpp: PRODUCT.md §6 guards decided from the plan and the listing.
  void check_guards();
  void check_removal_fraction();
  void check_max_demotions();
  void check_team_name();

  // targets.cpp: --target keeps the steps about the named members (decision 0038).
  void keep_targets();
  bool runs_without(const std::vector<PlanStep>& left_out, const PlanStep& step);

  // licenses.cpp: licenses before and after, and whether removals must go first (0037).
  void forecast_licenses();

  void finish();

  const model::DesiredTeam& m_desired;
  const model::ObservedTeam& m_observed;
  const PlanOptions& m_options;
  Plan m_plan;
  std::vector<PlanStep> m_pending_removals;  // waiting for settle_removals()
  // email → the status a member will have after the plan; absent: not on the team.
  std::unordered_map<std::string_view, model::MemberStatus> m_final_status;
  std::unordered_map<std::string_view, const model::ObservedMember*> m_live_by_email;
  // external_id → a live or recoverable record holding it (add_v2 refuses duplicates).
  std::unordered_map<std::string_view, const model::ObservedMember*> m_by_external_id;
  std::unordered_map<std::string_view, const model::ObservedMember*> m_by_id;
};

}  // namespace roster::plan
