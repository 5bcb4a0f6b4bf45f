#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/model/desired.hpp"
#include "roster/model/observed.hpp"
#include "roster/plan/plan.hpp"

namespace roster::plan {

/// Inputs to planning that come from the command line and the clock, not the manifest.
struct PlanOptions {
  model::Timestamp now = 0;  // for invitation ages
  /// Replaces policy.max_removal_fraction for this run (--max-removal-fraction).
  std::optional<double> max_removal_fraction;
  /// Replaces policy.max_demotions for this run (--max-demotions).
  std::optional<std::size_t> max_demotions;
  /// --target: keep only the steps about these members (normalised emails); empty: all.
  std::vector<std::string> targets;
};

/// Returns the steps that turn `observed` into `desired` (PRODUCT.md §4), with the
/// warnings, drift and guard verdicts of §6. Pure and deterministic: no I/O, clock,
/// environment or randomness; equal inputs give an identical Plan.
[[nodiscard]] Plan make_plan(const model::DesiredTeam& desired, const model::ObservedTeam& observed,
                             const PlanOptions& options);

}  // namespace roster::plan
