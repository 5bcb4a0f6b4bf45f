#include "schedule.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace roster::apply {

std::vector<Task> make_schedule(const plan::Plan& plan, std::size_t batch_size) {
  const auto& steps = plan.steps;
  std::vector<Task> tasks;
  std::vector<std::size_t> task_of(steps.size());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    bool invite = steps[i].action == plan::Action::invite;
    bool joins_batch = invite && !tasks.empty() && tasks.back().steps.size() < batch_size &&
                       steps[tasks.back().steps.front()].action == plan::Action::invite;
    if (!joins_batch) tasks.emplace_back();
    tasks.back().steps.push_back(i);
    task_of[i] = tasks.size() - 1;
  }

  // Steps are ordered by action (the phase order), so a member's earlier steps have
  // lower indices: each step depends on the previous steps of the emails it touches.
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_email;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const auto& s = steps[i];
    auto& task = tasks[task_of[i]];
    auto needs = [&](std::string_view email) {
      auto it = by_email.find(email);
      if (it == by_email.end()) return;
      for (auto earlier : it->second) {
        if (task_of[earlier] != task_of[i]) task.needs_steps.push_back(earlier);
      }
    };
    needs(s.email);
    if (s.action == plan::Action::remove && !s.transfer_to.empty()) {
      needs(s.transfer_to);
      needs(s.transfer_admin);
    }
    by_email[s.email].push_back(i);
  }
  for (std::size_t t = 0; t < tasks.size(); ++t) {
    auto& needs = tasks[t].needs_steps;
    std::sort(needs.begin(), needs.end());
    needs.erase(std::unique(needs.begin(), needs.end()), needs.end());
    std::vector<std::size_t> needed_tasks;
    for (auto step : needs)
      needed_tasks.push_back(task_of[step]);
    std::sort(needed_tasks.begin(), needed_tasks.end());
    needed_tasks.erase(std::unique(needed_tasks.begin(), needed_tasks.end()), needed_tasks.end());
    tasks[t].waiting_for = needed_tasks.size();
    for (auto n : needed_tasks)
      tasks[n].blocked_tasks.push_back(t);
  }
  return tasks;
}

}  // namespace roster::apply
