// Groups at apply: create_group (whose id later membership steps use) and the batched
// membership calls groups/members/add and groups/members/remove, one call per group and
// direction. Both are all or nothing, so when a batch fails for one member's sake the
// members are tried one by one, each step getting its true outcome (decision 0030).
#include <algorithm>

#include <fmt/format.h>

#include "run_task.hpp"

namespace roster::apply::detail {

using core::Result;
using plan::Action;

namespace {

// After an ambiguous groups/create the retry finds the name taken, most likely by the
// first attempt: the group with that name is taken to be ours.
Result<std::string> find_group_id(const std::string& name, TaskContext& context) {
  auto groups = context.api.list_groups();
  if (!groups) return groups.error();
  for (const auto& g : *groups) {
    if (g.name == name) return g.group_id;
  }
  return core::make_error(core::ErrorKind::conflict,
                          fmt::format("groups/create answered group_name_already_used for {}, "
                                      "and groups/list has no group of that name",
                                      name));
}

// Route errors of the membership calls that one member's state causes: with several
// members in the call, each is then tried alone to find whom they concern.
bool is_member_fault(Action action, const std::string& tag) {
  static const std::vector<std::string> add = {"duplicate_user", "members_not_in_team",
                                               "users_not_found", "user_must_be_active_to_be_owner",
                                               "user_cannot_be_manager_of_company_managed_group"};
  static const std::vector<std::string> remove = {"member_not_in_group", "members_not_in_team",
                                                  "users_not_found"};
  const auto& tags = action == Action::add_to_group ? add : remove;
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

Result<std::string> membership_call(const std::vector<std::size_t>& steps,
                                    const std::string& group_id, TaskContext& context) {
  const auto& plan = context.plan;
  if (plan.steps[steps.front()].action == Action::add_to_group) {
    std::vector<dropbox::GroupMemberAccess> members;
    for (auto index : steps)
      members.push_back({user_of(plan.steps[index]), plan.steps[index].group_access});
    return no_job(context.api.add_group_members(group_id, members));
  }
  std::vector<dropbox::UserRef> users;
  for (auto index : steps)
    users.push_back(user_of(plan.steps[index]));
  return no_job(context.api.remove_group_members(group_id, users));
}

// Each step alone, after the batch call failed; `batch` is that call.
std::vector<StepOutcome> one_by_one(const std::vector<std::size_t>& steps,
                                    const std::string& group_id,
                                    const core::Retried<std::string>& batch, TaskContext& context) {
  const auto action = context.plan.steps[steps.front()].action;
  std::vector<StepOutcome> outcomes;
  for (auto index : steps) {
    auto alone =
        retried<std::string>(context, [&] { return membership_call({index}, group_id, context); });
    if (auto skipped = not_sent(alone, context.stop)) {
      outcomes.push_back(*skipped);
      continue;
    }
    auto outcome = outcome_of(alone, action, batch.ambiguous);
    outcome.attempts += batch.attempts;
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace

std::vector<StepOutcome> run_create_group(std::size_t index, TaskContext& context) {
  const auto& step = context.plan.steps[index];
  dropbox::NewGroup group{step.group_name, step.group_external_id,
                          step.group_management.value_or(model::GroupManagement::company_managed)};
  auto created = retried<std::string>(context, [&] { return context.api.create_group(group); });
  if (auto skipped = not_sent(created, context.stop)) return {*skipped};
  StepOutcome outcome = outcome_of(created, Action::create_group);
  if (outcome.status != StepOutcome::Status::succeeded) return {outcome};
  outcome.job_id.clear();
  if (created.result) {
    outcome.group_id = *created.result;
  } else if (auto found = find_group_id(step.group_name, context)) {
    outcome.group_id = *found;
  } else {
    outcome.status = StepOutcome::Status::failed;
    outcome.note.clear();
    outcome.error = found.error();
    return {outcome};
  }
  context.groups.add(step.group_name, outcome.group_id);
  return {outcome};
}

std::vector<StepOutcome> run_group_batch(const std::vector<std::size_t>& steps,
                                         TaskContext& context) {
  const auto action = context.plan.steps[steps.front()].action;
  auto group_id = group_id_of(context.plan.steps[steps.front()], context);
  if (!group_id) {
    StepOutcome failed;
    failed.status = StepOutcome::Status::failed;
    failed.error = group_id.error();
    return std::vector<StepOutcome>(steps.size(), failed);
  }
  auto batch =
      retried<std::string>(context, [&] { return membership_call(steps, *group_id, context); });
  if (auto skipped = not_sent(batch, context.stop)) {
    return std::vector<StepOutcome>(steps.size(), *skipped);
  }
  if (!batch.result && steps.size() > 1 && is_member_fault(action, batch.result.error().api_tag)) {
    return one_by_one(steps, *group_id, batch, context);
  }
  return std::vector<StepOutcome>(steps.size(), outcome_of(batch, action));
}

}  // namespace roster::apply::detail
