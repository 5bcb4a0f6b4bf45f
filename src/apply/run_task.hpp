#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "role_ids.hpp"
#include "roster/apply/apply_plan.hpp"
#include "schedule.hpp"

namespace roster::apply {

/// The ids of the groups this apply created, by name: membership steps of a new group
/// carry only its name (plan.hpp). Shared by all workers.
class CreatedGroups {
 public:
  void add(const std::string& name, const std::string& id);
  [[nodiscard]] std::optional<std::string> find(const std::string& name);

 private:
  std::mutex m_mutex;
  std::map<std::string, std::string> m_ids;
};

/// Everything one task needs to talk to the team; shared by all workers.
struct TaskContext {
  const plan::Plan& plan;
  dropbox::TeamApi& api;
  const ApplyOptions& options;
  core::RunStop& stop;
  core::RateGate& gate;
  const TeamRoles& roles;
  CreatedGroups& groups;
};

/// Runs the API calls (with retries) for `steps`, all of one task (and so of one action),
/// and returns one outcome per step, in order.
[[nodiscard]] std::vector<StepOutcome> run_task(const std::vector<std::size_t>& steps,
                                                TaskContext& context);

/// True when a repeated request's error means an earlier, unacknowledged attempt
/// already did the work (e.g. suspend answered suspend_inactive_user after a dropped
/// connection). Only asked after an ambiguous attempt (5xx, timeout, dropped connection):
/// after a 429 the first attempt did nothing, and the answer is a real failure.
[[nodiscard]] bool is_already_done(plan::Action action, const std::string& api_tag);

// Shared by the task runners (run_task.cpp, run_groups.cpp, run_items.cpp).
namespace detail {

/// with_retries under the context's policy, stop and gate.
template <typename T>
core::Retried<T> retried(TaskContext& context, const std::function<core::Result<T>()>& call) {
  return core::with_retries<T>(context.options.retry, context.stop, context.gate, call);
}

/// The skipped outcome of a call never sent because the run stopped; nullopt otherwise.
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

/// The outcome of one step's call: succeeded, "done by an earlier attempt" when an
/// ambiguous attempt (this one's, or `earlier_ambiguous`: a batch call before it) may have
/// done it, or failed.
StepOutcome outcome_of(const core::Retried<std::string>& retried, plan::Action action,
                       bool earlier_ambiguous = false);

/// Result<void> as the "" job id outcome_of reads.
core::Result<std::string> no_job(core::Result<void> result);

/// The member a step is about: by team_member_id, or by email for one invited in this apply.
dropbox::UserRef user_of(const plan::PlanStep& step);

/// The step's group id: its own, or the one create_group returned for its name.
core::Result<std::string> group_id_of(const plan::PlanStep& step, TaskContext& context);

std::vector<StepOutcome> run_create_group(std::size_t step, TaskContext& context);
std::vector<StepOutcome> run_group_batch(const std::vector<std::size_t>& steps,
                                         TaskContext& context);
std::vector<StepOutcome> run_secondary_emails(const std::vector<std::size_t>& steps,
                                              TaskContext& context);
std::vector<StepOutcome> run_quotas(const std::vector<std::size_t>& steps, TaskContext& context);

}  // namespace detail

}  // namespace roster::apply
