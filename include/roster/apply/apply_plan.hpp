#pragma once

#include "roster/apply/apply_report.hpp"
#include "roster/apply/progress.hpp"
#include "roster/core/clock.hpp"
#include "roster/core/retry.hpp"
#include "roster/core/stop.hpp"
#include "roster/dropbox/team_api.hpp"
#include "roster/plan/plan.hpp"

namespace roster::apply {

inline constexpr std::size_t k_invite_batch_size = 20;  // members/add_v2's documented limit
/// Suspensions with the same options that go through members/bulk_suspend (decision 0035).
inline constexpr std::size_t k_bulk_suspend_threshold = 20;

struct ApplyOptions {
  /// Tasks in progress at once. A task waiting between polls of an async job is in
  /// progress without a request in flight, so this may exceed the request bound, which
  /// the TeamApi enforces (HttpTeamApiConfig::max_in_flight, `--parallelism`).
  int workers = 32;
  core::RetryPolicy retry;
  /// The team's role table as read to make the plan (ObservedTeam::available_roles): role
  /// ids are sent from it. Empty: apply reads it itself when a step grants a role.
  std::vector<model::TeamRole> team_roles;
  /// At least this many suspensions with the same wipe_data go as members/bulk_suspend
  /// jobs, then are read back and, where needed, suspended one by one; 0: always one call
  /// per member (`apply --no-bulk`).
  std::size_t bulk_suspend_threshold = k_bulk_suspend_threshold;
};

/// Executes `plan` through `api`. Invites go 20 to a members/add_v2 call, many suspensions
/// to members/bulk_suspend jobs of up to 500 (ApplyOptions::bulk_suspend_threshold); other steps
/// run concurrently, at most `workers` at once, each after the steps it depends on:
/// a member's recovery before its suspension or profile update, a transfer
/// destination's recovery or unsuspension before the removal that sends it files.
/// Retryable failures are retried (RetryPolicy, Retry-After); a non-retryable one fails
/// its own step, and steps depending on it are skipped; everything else continues.
/// A step refused with 401 (the token lacks a scope, or was revoked) stops the run like
/// a timeout: nothing else starts. The caller must not pass a refused plan.
/// Asks `api`, changing nothing, whether the token may make every kind of change in
/// `plan` (its OAuth scopes); call it before the first write. An unauthorized Error
/// naming the missing scope and the routes that need it.
[[nodiscard]] core::Result<void> check_token_scopes(const plan::Plan& plan, dropbox::TeamApi& api);

[[nodiscard]] ApplyReport apply_plan(const plan::Plan& plan, dropbox::TeamApi& api,
                                     const ApplyOptions& options, core::RunStop& stop,
                                     core::RateGate& gate, ProgressSink& progress);

}  // namespace roster::apply
