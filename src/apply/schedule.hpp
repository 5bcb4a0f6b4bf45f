#pragma once

#include <cstddef>
#include <vector>

#include "roster/plan/plan.hpp"

namespace roster::apply {

/// A unit of work for one worker: one API call's worth of steps. Steps Dropbox takes many
/// at a time share a task: invites (up to 20), a group's additions, a group's removals,
/// secondary emails (up to 20), custom quotas (up to 1,000); every other step is alone.
struct Task {
  std::vector<std::size_t> steps;  // indices into Plan::steps
  /// Per step (parallel to `steps`), the steps that must succeed before it is sent: a step
  /// whose prerequisite failed or was skipped is skipped; the rest of its batch still runs.
  std::vector<std::vector<std::size_t>> step_needs;
  std::vector<std::size_t> needs_steps;    // every step's needs together, sorted
  std::vector<std::size_t> blocked_tasks;  // tasks waiting for this one
  std::size_t waiting_for = 0;             // tasks not finished yet that this one waits for
};

/// Splits a plan into tasks and their dependencies (pure; tested without HTTP;
/// docs/decisions/0030). A task waits for the tasks holding its members' earlier steps
/// (of other actions) and its prerequisites. Prerequisites: a member's recover, invite or
/// unsuspend, for everything later about the member; for a suspension or removal, also the
/// member's revoke_role, set_role, update_profile and set_group_access (its privileges go
/// first); for a removal, the transfer destination's and admin's recover, invite or
/// unsuspend; for a membership step in a group this plan creates, its create_group. When the
/// plan's licenses say removals must go first, invitations and recoveries also wait (order
/// only) for the removals that free licenses. Tasks are in plan order, which is the order
/// workers prefer. `bulk_threshold`: suspensions that go as members/bulk_suspend jobs share
/// a task per job (bulk_suspend_jobs; 0: none).
[[nodiscard]] std::vector<Task> make_schedule(const plan::Plan& plan, std::size_t batch_size,
                                              std::size_t bulk_threshold = 0);

}  // namespace roster::apply
