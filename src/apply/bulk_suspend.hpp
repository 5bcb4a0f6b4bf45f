#pragma once

#include <cstddef>
#include <vector>

#include "roster/plan/plan.hpp"
#include "run_task.hpp"

namespace roster::apply {

/// Per plan step, the bulk suspension job it joins (1, 2, ...), or 0 to go alone. Suspend
/// steps sharing their options (wipe_data) go in bulk when there are at least `threshold`
/// of them, split evenly into jobs of at most 500; `threshold` 0 never bulks (decision
/// 0035). Pure.
[[nodiscard]] std::vector<std::size_t> bulk_suspend_jobs(const plan::Plan& plan,
                                                         std::size_t threshold);

namespace detail {

/// Suspends `steps` (all suspend steps with the same options) through one
/// members/bulk_suspend job, reads every member back (members/get_info_v2) and suspends
/// alone whoever is still not suspended, so each step gets its own outcome. A launch
/// refused, a job that failed or cannot be read, fall back to one call per member. Fewer
/// steps than the threshold (prerequisites failed) go one by one.
[[nodiscard]] std::vector<StepOutcome> run_bulk_suspend(const std::vector<std::size_t>& steps,
                                                        TaskContext& context);

}  // namespace detail

}  // namespace roster::apply
