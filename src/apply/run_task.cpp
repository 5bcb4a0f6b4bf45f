#include "run_task.hpp"

#include "bulk_suspend.hpp"

#include <fmt/format.h>

namespace roster::apply {

using core::Result;
using plan::Action;

void CreatedGroups::add(const std::string& name, const std::string& id) {
  std::lock_guard lock(m_mutex);
  m_ids[name] = id;
}

std::optional<std::string> CreatedGroups::find(const std::string& name) {
  std::lock_guard lock(m_mutex);
  auto it = m_ids.find(name);
  if (it == m_ids.end()) return std::nullopt;
  return it->second;
}

namespace detail {

StepOutcome outcome_of(const core::Retried<std::string>& retried, Action action,
                       bool earlier_ambiguous) {
  const auto& result = retried.result;
  StepOutcome outcome;
  outcome.attempts = retried.attempts;
  if (result) {
    outcome.job_id = *result;
    outcome.status = StepOutcome::Status::succeeded;
  } else if ((retried.ambiguous || earlier_ambiguous) &&
             is_already_done(action, result.error().api_tag)) {
    outcome.status = StepOutcome::Status::succeeded;
    outcome.note = "done by an earlier attempt (" + result.error().api_tag + " on retry)";
  } else {
    outcome.status = StepOutcome::Status::failed;
    outcome.error = result.error();
  }
  return outcome;
}

Result<std::string> no_job(Result<void> result) {
  if (!result) return result.error();
  return std::string();
}

dropbox::UserRef user_of(const plan::PlanStep& step) {
  return {step.team_member_id, step.team_member_id.empty() ? step.email : std::string()};
}

Result<std::string> group_id_of(const plan::PlanStep& step, TaskContext& context) {
  if (!step.group_id.empty()) return step.group_id;
  if (auto id = context.groups.find(step.group_name)) return *id;
  return core::make_error(
      core::ErrorKind::internal,
      fmt::format("the group {} has no id: it was not created by this apply", step.group_name));
}

}  // namespace detail

namespace {

using detail::no_job;
using detail::user_of;

dropbox::ProfileUpdate profile_update(const plan::PlanStep& step) {
  dropbox::ProfileUpdate update;
  for (const auto& change : step.changes) {
    if (change.field == "email") update.new_email = change.after;
    if (change.field == "given_name") update.new_given_name = change.after;
    if (change.field == "surname") update.new_surname = change.after;
    if (change.field == "external_id") update.new_external_id = change.after;
  }
  return update;
}

dropbox::GroupUpdate group_update(const plan::PlanStep& step) {
  dropbox::GroupUpdate update;
  for (const auto& change : step.changes) {
    if (change.field == "name") update.new_name = change.after;
    if (change.field == "external_id") update.new_external_id = change.after;
  }
  update.new_management = step.group_management;
  return update;
}

// members/set_admin_permissions_v2 with the id the team gives the step's role.
Result<void> set_role(const plan::PlanStep& step, TaskContext& context) {
  auto role_id = role_id_for(context.roles, step.role.value_or(model::Role::member_only));
  if (!role_id) return role_id.error();
  return context.api.set_role(user_of(step), *role_id);
}

Result<void> group_call(const plan::PlanStep& step, TaskContext& context) {
  auto group = detail::group_id_of(step, context);
  if (!group) return group.error();
  switch (step.action) {
    case Action::update_group:
      return context.api.update_group(*group, group_update(step));
    case Action::delete_group:
      return context.api.delete_group(*group);
    default:
      return context.api.set_group_access(*group, user_of(step), step.group_access);
  }
}

// The job id (removals) or "" for the step's one API call.
Result<std::string> call(const plan::PlanStep& step, TaskContext& context) {
  auto& api = context.api;
  const auto& id = step.team_member_id;
  switch (step.action) {
    case Action::recover:
      return no_job(api.recover(id));
    case Action::unsuspend:
      return no_job(api.unsuspend(id));
    case Action::resend_welcome_email:
      return no_job(api.send_welcome_email(id));
    case Action::suspend:
      return no_job(api.suspend(id, step.wipe_data));
    case Action::update_profile:
      return no_job(api.set_profile(id, profile_update(step)));
    case Action::remove:
      return api.remove(id, {step.wipe_data, step.keep_account, step.retain_team_shares,
                             step.transfer_to, step.transfer_admin});
    case Action::revoke_role:
    case Action::set_role:
      return no_job(set_role(step, context));
    case Action::update_group:
    case Action::delete_group:
    case Action::set_group_access:
      return no_job(group_call(step, context));
    default:
      break;
  }
  return core::make_error(core::ErrorKind::internal,
                          std::string(plan::to_string(step.action)) + " outside its batch");
}

std::vector<StepOutcome> run_invites(const std::vector<std::size_t>& steps, TaskContext& context) {
  std::vector<dropbox::NewMember> members;
  for (auto index : steps) {
    const auto& s = context.plan.steps[index];
    members.push_back({s.email, s.given_name, s.surname, s.external_id, s.send_welcome_email});
  }
  auto retried =
      detail::retried<dropbox::AddBatch>(context, [&] { return context.api.add_members(members); });
  if (auto skipped = detail::not_sent(retried, context.stop)) {
    return std::vector<StepOutcome>(steps.size(), *skipped);
  }
  const auto& results = retried.result;
  std::vector<StepOutcome> outcomes(steps.size());
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    auto& outcome = outcomes[i];
    outcome.attempts = retried.attempts;
    if (!results) {
      outcome.status = StepOutcome::Status::failed;
      outcome.error = results.error();
      continue;
    }
    outcome.job_id = results->job_id;
    const auto& added = results->outcomes[i];
    if (added.ok() || (retried.ambiguous && is_already_done(Action::invite, added.error_tag))) {
      outcome.status = StepOutcome::Status::succeeded;
      if (!added.ok())
        outcome.note = "done by an earlier attempt (" + added.error_tag + " on retry)";
      continue;
    }
    outcome.status = StepOutcome::Status::failed;
    outcome.error =
        core::make_error(core::ErrorKind::conflict,
                         "members/add_v2 refused " + added.email + ": " + added.error_tag);
    outcome.error.api_tag = added.error_tag;
  }
  return outcomes;
}

}  // namespace

bool is_already_done(Action action, const std::string& api_tag) {
  switch (action) {
    case Action::invite:
      return api_tag == "user_already_on_team";
    case Action::suspend:
      return api_tag == "suspend_inactive_user";
    case Action::unsuspend:
      return api_tag == "unsuspend_non_suspended_member";
    case Action::remove:
      return api_tag == "user_not_found" || api_tag == "user_not_in_team";
    case Action::create_group:
      return api_tag == "group_name_already_used";  // the id is then looked up by name
    case Action::delete_group:
      return api_tag == "group_already_deleted" || api_tag == "group_not_found";
    case Action::add_to_group:
      return api_tag == "duplicate_user";
    case Action::remove_from_group:
      return api_tag == "member_not_in_group";
    case Action::add_secondary_email:
      return api_tag == "already_owned_by_user" || api_tag == "already_pending";
    case Action::delete_secondary_email:
      return api_tag == "not_found";
    default:  // roles, profiles, group updates and access, quotas: repeating them is harmless
      return false;
  }
}

std::vector<StepOutcome> run_task(const std::vector<std::size_t>& steps, TaskContext& context) {
  const auto& first = context.plan.steps[steps.front()];
  switch (first.action) {
    case Action::invite:
      return run_invites(steps, context);
    case Action::create_group:
      return detail::run_create_group(steps.front(), context);
    case Action::add_to_group:
    case Action::remove_from_group:
      return detail::run_group_batch(steps, context);
    case Action::add_secondary_email:
    case Action::delete_secondary_email:
      return detail::run_secondary_emails(steps, context);
    case Action::set_space_limit:
    case Action::remove_space_limit:
      return detail::run_quotas(steps, context);
    case Action::suspend:
      if (steps.size() > 1) return detail::run_bulk_suspend(steps, context);
      break;
    default:
      break;
  }
  auto retried = detail::retried<std::string>(context, [&] { return call(first, context); });
  if (auto skipped = detail::not_sent(retried, context.stop)) return {*skipped};
  return {detail::outcome_of(retried, first.action)};
}

}  // namespace roster::apply
