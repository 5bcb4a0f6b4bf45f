#pragma once

#include <cstddef>
#include <vector>

#include "roster/apply/apply_report.hpp"
#include "roster/core/stop.hpp"
#include "roster/plan/plan.hpp"

namespace roster::apply {

/// How the executor reports progress without knowing about output. Called from
/// worker threads: implementations synchronise themselves.
class ProgressSink {
 public:
  virtual ~ProgressSink() = default;
  virtual void step_started(std::size_t index, const plan::PlanStep& step) = 0;
  virtual void step_finished(std::size_t index, const plan::PlanStep& step,
                             const StepOutcome& outcome) = 0;
  /// The steps `indices` of `plan` start together (one batch: an invite call, a bulk
  /// suspension job). By default one step_started each; a sink may record them at once.
  virtual void steps_started(const std::vector<std::size_t>& indices, const plan::Plan& plan) {
    for (auto index : indices)
      step_started(index, plan.steps[index]);
  }
  /// The steps `indices` finished together, `outcomes[k]` for `indices[k]`.
  virtual void steps_finished(const std::vector<std::size_t>& indices, const plan::Plan& plan,
                              const std::vector<StepOutcome>& outcomes) {
    for (std::size_t k = 0; k < indices.size(); ++k)
      step_finished(indices[k], plan.steps[indices[k]], outcomes[k]);
  }
  /// The run stopped early; `not_started` steps were never sent (they are skipped in the
  /// report, without a step_finished each). Called once, after the steps in flight ended.
  virtual void run_stopped(core::StopReason /*reason*/, std::size_t /*not_started*/) {}
};

/// Reports nothing.
class NullProgress final : public ProgressSink {
 public:
  void step_started(std::size_t, const plan::PlanStep&) override {}
  void step_finished(std::size_t, const plan::PlanStep&, const StepOutcome&) override {}
};

}  // namespace roster::apply
