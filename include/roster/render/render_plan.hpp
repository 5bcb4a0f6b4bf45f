#pragma once

#include <ostream>
#include <string>

#include "roster/plan/plan.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "roster/render/format.hpp"

namespace roster::render {

/// Writes a plan in `format`: human text, the JSON plan document (docs/json-output.md),
/// or Markdown for a pull-request comment. The one place that picks a plan view.
/// Renderers show what the plan holds, in its order; they never filter, sort or
/// recompute it.
void render_plan(const planfile::SavedPlan& saved, Format format, const Style& style,
                 std::ostream& out);

void render_plan_human(const plan::Plan& plan, const Style& style, std::ostream& out);
void render_plan_markdown(const planfile::SavedPlan& saved, std::ostream& out);

/// "Targeted plan (--target ann@acme.com): 10 other changes exist and were left out." with
/// the counts of drift and warnings about other members (decision 0038); every view and
/// `apply PLANFILE` print it.
[[nodiscard]] std::string targets_text(const plan::TargetScope& targets);

}  // namespace roster::render
