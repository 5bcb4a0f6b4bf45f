#include "run_task.hpp"

#include <optional>

namespace roster::apply {

using core::Result;
using plan::Action;

namespace {

// A task whose request was never sent because the run stopped (while it waited for the
// rate gate or a request slot, say) is skipped like the tasks that never started.
template <typename T>
std::optional<StepOutcome> not_sent(const core::Retried<T>& retried, core::RunStop& stop) {
  if (retried.result.has_value() || !retried.result.error().not_sent) return std::nullopt;
  auto reason = stop.reason();
  if (retried.attempts > 0 || !reason) return std::nullopt;
  StepOutcome outcome;
  outcome.status = StepOutcome::Status::skipped;
  outcome.note = stopped_note(*reason);
  return outcome;
}

StepOutcome outcome_of(const core::Retried<std::string>& retried, Action action) {
  const auto& result = retried.result;
  StepOutcome outcome;
  outcome.attempts = retried.attempts;
  if (result) {
    outcome.job_id = *result;
    outcome.status = StepOutcome::Status::succeeded;
  } else if (retried.ambiguous && is_already_done(action, result.error().api_tag)) {
    outcome.status = StepOutcome::Status::succeeded;
    outcome.note = "done by an earlier attempt (" + result.error().api_tag + " on retry)";
  } else {
    outcome.status = StepOutcome::Status::failed;
    outcome.error = result.error();
  }
  return outcome;
}

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

// The job id (removals) or "" for the step's one API call.
Result<std::string> call(const plan::PlanStep& step, dropbox::TeamApi& api) {
  const auto& id = step.team_member_id;
  auto no_job = [](Result<void> r) -> Result<std::string> {
    if (!r) return r.error();
    return std::string();
  };
  switch (step.action) {
    case Action::recover:
      return no_job(api.recover(id));
    case Action::unsuspend:
      return no_job(api.unsuspend(id));
    case Action::suspend:
      return no_job(api.suspend(id, step.wipe_data));
    case Action::update_profile:
      return no_job(api.set_profile(id, profile_update(step)));
    case Action::remove:
      return api.remove(id, {step.wipe_data, step.keep_account, step.retain_team_shares,
                             step.transfer_to, step.transfer_admin});
    case Action::invite:
      break;
    default:  // TODO(#9): the access actions run here once the executor knows them
      return core::make_error(core::ErrorKind::internal,
                              std::string("not implemented yet: ") + plan::to_string(step.action));
  }
  return core::make_error(core::ErrorKind::internal, "invite outside a batch");
}

std::vector<StepOutcome> run_invites(const Task& task, TaskContext& context) {
  std::vector<dropbox::NewMember> members;
  for (auto index : task.steps) {
    const auto& s = context.plan.steps[index];
    members.push_back({s.email, s.given_name, s.surname, s.external_id, s.send_welcome_email});
  }
  auto retried =
      core::with_retries<dropbox::AddBatch>(context.options.retry, context.stop, context.gate,
                                            [&] { return context.api.add_members(members); });
  if (auto skipped = not_sent(retried, context.stop)) {
    return std::vector<StepOutcome>(task.steps.size(), *skipped);
  }
  const auto& results = retried.result;
  std::vector<StepOutcome> outcomes(task.steps.size());
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
    default:
      return false;
  }
}

std::vector<StepOutcome> run_task(const Task& task, TaskContext& context) {
  const auto& first = context.plan.steps[task.steps.front()];
  if (first.action == Action::invite) return run_invites(task, context);
  auto retried = core::with_retries<std::string>(context.options.retry, context.stop, context.gate,
                                                 [&] { return call(first, context.api); });
  if (auto skipped = not_sent(retried, context.stop)) return {*skipped};
  return {outcome_of(retried, first.action)};
}

}  // namespace roster::apply
