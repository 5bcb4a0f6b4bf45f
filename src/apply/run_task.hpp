#pragma once

#include <vector>

#include "roster/apply/apply_plan.hpp"
#include "schedule.hpp"

namespace roster::apply {

/// Everything one task needs to talk to the team; shared by all workers.
struct TaskContext {
  const plan::Plan& plan;
  dropbox::TeamApi& api;
  const ApplyOptions& options;
  core::RunStop& stop;
  core::RateGate& gate;
};

/// Runs one task's API calls (with retries) and returns one outcome per task step.
[[nodiscard]] std::vector<StepOutcome> run_task(const Task& task, TaskContext& context);

/// True when a repeated request's error means an earlier, unacknowledged attempt
/// already did the work (e.g. suspend answered suspend_inactive_user after a dropped
/// connection). Only asked after an ambiguous attempt (5xx, timeout, dropped connection):
/// after a 429 the first attempt did nothing, and the answer is a real failure.
[[nodiscard]] bool is_already_done(plan::Action action, const std::string& api_tag);

}  // namespace roster::apply
