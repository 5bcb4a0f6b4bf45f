#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "roster/core/error.hpp"
#include "roster/core/stop.hpp"

namespace roster::apply {

/// What happened to one plan step when the plan was applied.
struct StepOutcome {
  enum class Status { succeeded, failed, skipped };
  Status status = Status::skipped;
  core::Error error;     // failed: the API's answer (api_tag holds the Dropbox error tag)
  std::string note;      // skipped: why; succeeded: e.g. "already done on retry"
  int attempts = 0;      // requests sent for this step (a batch counts for each member)
  std::string job_id;    // the Dropbox async job that did the work, if there was one
  std::string group_id;  // create_group: the new group's id
};

/// One outcome per plan step, in the plan's order. The exit code comes from here.
struct ApplyReport {
  std::vector<StepOutcome> outcomes;
  /// Set when the run stopped early (apply --timeout, a signal): the steps it had not
  /// started are skipped with that reason.
  std::optional<core::StopReason> stopped;
  std::size_t not_started = 0;

  [[nodiscard]] std::size_t count(StepOutcome::Status status) const noexcept;
  [[nodiscard]] bool all_succeeded() const noexcept;
};

[[nodiscard]] const char* to_string(StepOutcome::Status status) noexcept;
/// Every outcome status in order, for summaries that list each one (journal, JSON report).
inline constexpr std::array<StepOutcome::Status, 3> k_all_statuses = {
    StepOutcome::Status::succeeded, StepOutcome::Status::failed, StepOutcome::Status::skipped};
static_assert(static_cast<int>(k_all_statuses.back()) + 1 == k_all_statuses.size(),
              "k_all_statuses lists every StepOutcome::Status");

/// The note of a step that was skipped because the run stopped before it was sent.
[[nodiscard]] std::string stopped_note(core::StopReason reason);

}  // namespace roster::apply
