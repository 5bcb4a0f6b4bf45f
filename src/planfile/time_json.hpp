#pragma once

#include <optional>
#include <vector>

#include "roster/core/json.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/plan/plan.hpp"

namespace roster::planfile {

/// Format 1.3 (decisions 0031, 0032): recovery windows and scheduled removals.
/// `recoverable_until` (date-time or null) and `recoverable_until_bound`: "at_the_latest"
/// for records already removed, "if_applied_now" for a remove step.
void write_recoverable(core::json::Writer& w, std::optional<model::Timestamp> until,
                       const char* bound);
/// Reads `recoverable_until`; absent in files older than 1.3.
[[nodiscard]] bool read_recoverable(core::json::FieldReader& f,
                                    std::optional<model::Timestamp>& until);
void write_scheduled(core::json::Writer& w, const std::vector<plan::ScheduledRemoval>& items);
/// Reads the top-level `scheduled` array; absent in files older than 1.3.
[[nodiscard]] bool read_scheduled(core::json::FieldReader& root,
                                  std::vector<plan::ScheduledRemoval>& items);

}  // namespace roster::planfile
