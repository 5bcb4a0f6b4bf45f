// Saved plans for the render tests' golden files, made as `roster plan --out` would make
// them, with a fixed roster version and manifest digest.
#pragma once

#include <sstream>
#include <string>

#include "roster/plan/make_plan.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "roster/render/render_plan.hpp"

namespace roster::test {

inline planfile::SavedPlan saved_plan(const model::DesiredTeam& desired,
                                      const model::ObservedTeam& observed,
                                      const plan::PlanOptions& options,
                                      const std::string& created_at = "2026-11-30T12:00:00Z") {
  planfile::SavedPlan saved;
  saved.roster_version = "0.1.0";
  saved.created_at = created_at;
  saved.source = "live";
  saved.team_id = observed.team_id;
  saved.team_name = observed.team_name;
  saved.manifest_digest = "sha256:0000000000000000";
  saved.plan = plan::make_plan(desired, observed, options);
  saved.preconditions = planfile::make_preconditions(saved.plan, observed);
  return saved;
}

inline std::string rendered(const planfile::SavedPlan& saved, render::Format format) {
  std::ostringstream out;
  render::render_plan(saved, format, render::Style{false}, out);
  return out.str();
}

}  // namespace roster::test
