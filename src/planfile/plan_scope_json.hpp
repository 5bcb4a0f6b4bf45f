#pragma once

#include "roster/core/json.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/plan/plan.hpp"

namespace roster::planfile {

/// Format 1.3: the plan's `licenses` (decision 0037) and `targets` (decision 0038), each an
/// object or null (docs/json-output.md).
void write_plan_scope(core::json::Writer& w, const plan::Plan& plan);

/// Reads them back; both are absent in files older than 1.3 (then nullopt).
[[nodiscard]] bool read_plan_scope(core::json::FieldReader& root, plan::Plan& plan);

}  // namespace roster::planfile
