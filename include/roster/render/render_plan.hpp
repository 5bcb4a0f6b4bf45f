#pragma once

#include <ostream>

#include "roster/plan/plan.hpp"
#include "roster/render/format.hpp"

namespace roster::render {

/// Writes `plan` for people. Renderers show what the plan holds, in its order;
/// they never filter, sort or recompute it.
void render_plan_human(const plan::Plan& plan, const Style& style, std::ostream& out);

}  // namespace roster::render
