#include "roster/apply/apply_report.hpp"

#include <algorithm>

namespace roster::apply {

std::size_t ApplyReport::count(StepOutcome::Status status) const noexcept {
  return static_cast<std::size_t>(
      std::count_if(outcomes.begin(), outcomes.end(),
                    [status](const StepOutcome& o) { return o.status == status; }));
}

bool ApplyReport::all_succeeded() const noexcept {
  return count(StepOutcome::Status::succeeded) == outcomes.size();
}

const char* to_string(StepOutcome::Status status) noexcept {
  switch (status) {
    case StepOutcome::Status::succeeded:
      return "succeeded";
    case StepOutcome::Status::failed:
      return "failed";
    case StepOutcome::Status::skipped:
      return "skipped";
  }
  return "?";
}

std::string stopped_note(core::StopReason reason) {
  switch (reason) {
    case core::StopReason::timeout:
      return "timeout (not started before the run's time limit, --timeout)";
    case core::StopReason::interrupted:
      return "interrupted (not started before roster was interrupted)";
    case core::StopReason::refused:
      return "token refused (not started: Dropbox refused the token on an earlier step)";
  }
  return "";
}

}  // namespace roster::apply
