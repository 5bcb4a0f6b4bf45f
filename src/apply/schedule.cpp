#include "schedule.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "bulk_suspend.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::apply {

using plan::Action;

namespace {

bool is_membership(Action action) {
  return action == Action::add_to_group || action == Action::set_group_access ||
         action == Action::remove_from_group;
}

bool is_presence(Action action) {
  return action == Action::recover || action == Action::invite || action == Action::unsuspend;
}

// True when `later` must not be sent unless `earlier` (same member) succeeded.
bool is_prerequisite(Action earlier, Action later) {
  if (is_presence(earlier)) return true;
  if (later != Action::suspend && later != Action::remove) return false;
  return earlier == Action::revoke_role || earlier == Action::set_role ||
         earlier == Action::update_profile || earlier == Action::set_group_access;
}

// A group named by id, or by name when this plan creates it (no id yet).
std::string group_key(const plan::PlanStep& step) {
  return step.group_id.empty() ? "name:" + step.group_name : "id:" + step.group_id;
}

// How many steps of this step's kind one call takes (1: no batching).
std::size_t batch_limit(Action action, std::size_t invite_batch) {
  switch (action) {
    case Action::invite:
      return invite_batch;
    case Action::add_to_group:
    case Action::remove_from_group:  // no per-call limit in the spec: one call per group
      return std::numeric_limits<std::size_t>::max();
    case Action::add_secondary_email:
    case Action::delete_secondary_email:
      return dropbox::k_max_secondary_emails_per_call;
    case Action::set_space_limit:
    case Action::remove_space_limit:
      return dropbox::k_max_quota_users_per_call;
    default:
      return 1;
  }
}

bool joins(const std::vector<Task>& tasks, const plan::Plan& plan, std::size_t index,
           std::size_t invite_batch) {
  if (tasks.empty()) return false;
  const auto& step = plan.steps[index];
  const auto& head = plan.steps[tasks.back().steps.front()];
  if (head.action != step.action ||
      tasks.back().steps.size() >= batch_limit(step.action, invite_batch))
    return false;
  return !is_membership(step.action) || group_key(head) == group_key(step);
}

// Adds task `from` to the tasks `to` waits for, once.
void wait_for(std::vector<std::set<std::size_t>>& waits, std::size_t to, std::size_t from) {
  if (to != from) waits[to].insert(from);
}

bool takes_license(Action action) {
  return action == Action::invite || action == Action::recover;
}

bool frees_license(const plan::PlanStep& step) {
  return step.action == Action::remove && step.observed_status &&
         *step.observed_status != model::MemberStatus::removed;
}

// When the plan says its invitations and recoveries fit only once removals have freed
// licenses (decision 0037), the tasks taking a license wait for the removals that free one
// and do not themselves wait for an invitation or recovery (which would be a cycle). Order
// only: an invitation still runs when a removal fails, and reports its own outcome.
void removals_before_licenses(const plan::Plan& plan, const std::vector<Task>& tasks,
                              std::vector<std::set<std::size_t>>& waits) {
  if (!plan.licenses || !plan.licenses->removals_first) return;
  // Before this, every wait points at an earlier task, so one pass in order suffices.
  std::vector<bool> after_license(tasks.size(), false);
  std::vector<std::size_t> takers, freers;
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    const auto& head = plan.steps[tasks[t].steps.front()];
    bool depends = takes_license(head.action);
    for (auto w : waits[t])
      depends = depends || after_license[w];
    after_license[t] = depends;
    if (takes_license(head.action)) takers.push_back(t);
    if (frees_license(head) && !depends) freers.push_back(t);
  }
  for (auto taker : takers) {
    for (auto freer : freers)
      wait_for(waits, taker, freer);
  }
}

}  // namespace

std::vector<Task> make_schedule(const plan::Plan& plan, std::size_t batch_size,
                                std::size_t bulk_threshold) {
  const auto& steps = plan.steps;
  std::vector<Task> tasks;
  std::vector<std::size_t> task_of(steps.size());
  std::vector<std::size_t> slot_of(steps.size());  // position in its task
  const auto bulk_job = bulk_suspend_jobs(plan, bulk_threshold);
  std::unordered_map<std::size_t, std::size_t> bulk_task;  // bulk job → its task
  for (std::size_t i = 0; i < steps.size(); ++i) {
    std::size_t t = tasks.size();
    if (bulk_job[i] != 0) {
      t = bulk_task.try_emplace(bulk_job[i], tasks.size()).first->second;
    } else if (joins(tasks, plan, i, batch_size)) {
      t = tasks.size() - 1;
    }
    if (t == tasks.size()) tasks.emplace_back();
    tasks[t].steps.push_back(i);
    tasks[t].step_needs.emplace_back();
    task_of[i] = t;
    slot_of[i] = tasks[t].steps.size() - 1;
  }

  // Steps are ordered by action (the phase order), so a member's earlier steps have
  // lower indices.
  std::vector<std::set<std::size_t>> waits(tasks.size());
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_email;
  std::unordered_map<std::string_view, std::size_t> created;  // group name → create_group
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    auto& needs = tasks[task_of[i]].step_needs[slot_of[i]];
    auto need = [&](std::size_t earlier) {
      needs.push_back(earlier);
      wait_for(waits, task_of[i], task_of[earlier]);
    };
    if (s.action == Action::create_group) created.emplace(s.group_name, i);
    if (is_membership(s.action) && s.group_id.empty()) {
      if (auto it = created.find(s.group_name); it != created.end()) need(it->second);
    }
    if (plan::is_group_step(s)) continue;
    for (auto earlier : by_email[s.email]) {
      if (is_prerequisite(steps[earlier].action, s.action)) {
        need(earlier);
      } else if (steps[earlier].action != s.action) {
        wait_for(waits, task_of[i], task_of[earlier]);  // order only
      }
    }
    if (s.action == Action::remove && !s.transfer_to.empty()) {
      for (const std::string* email : {&s.transfer_to, &s.transfer_admin}) {
        auto it = by_email.find(*email);
        if (it == by_email.end()) continue;
        for (auto earlier : it->second) {
          if (is_presence(steps[earlier].action)) need(earlier);
        }
      }
    }
    by_email[s.email].push_back(i);
  }
  removals_before_licenses(plan, tasks, waits);
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    auto& task = tasks[t];
    for (const auto& needs : task.step_needs)
      task.needs_steps.insert(task.needs_steps.end(), needs.begin(), needs.end());
    std::sort(task.needs_steps.begin(), task.needs_steps.end());
    task.needs_steps.erase(std::unique(task.needs_steps.begin(), task.needs_steps.end()),
                           task.needs_steps.end());
    task.waiting_for = waits[t].size();
    for (auto n : waits[t])
      tasks[n].blocked_tasks.push_back(t);
  }
  return tasks;
}

}  // namespace roster::apply
