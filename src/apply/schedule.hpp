#pragma once

#include <cstddef>
#include <vector>

#include "roster/plan/plan.hpp"

namespace roster::apply {

/// A unit of work for one worker: one invite batch (up to 20 steps) or one other step.
struct Task {
  std::vector<std::size_t> steps;          // indices into Plan::steps
  std::vector<std::size_t> needs_steps;    // steps that must succeed first
  std::vector<std::size_t> blocked_tasks;  // tasks waiting for this one
  std::size_t waiting_for = 0;             // tasks not finished yet that this one needs
};

/// Splits a plan into tasks and their dependencies (pure; tested without HTTP):
/// a member's earlier steps (recover before suspend or update) and, for a removal,
/// the earlier steps of its transfer destination and transfer admin. Tasks are in
/// plan order, which is the order workers prefer.
[[nodiscard]] std::vector<Task> make_schedule(const plan::Plan& plan, std::size_t batch_size);

}  // namespace roster::apply
