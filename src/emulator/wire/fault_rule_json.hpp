#pragma once

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/fault_plan.hpp"

namespace roster::emulator {

/// One rule of `POST /_emulator/faults`: {"route", "kind", "count" | "probability",
/// "retry_after", "latency_ms"} (docs/emulator.md). Every key is type- and range-checked;
/// the error text names the field.
[[nodiscard]] std::variant<FaultRule, std::string> read_fault_rule(const nlohmann::json& value);

/// `{"faults": [rules...]}`, the answer of the faults endpoint.
[[nodiscard]] nlohmann::json fault_rules_json(const std::vector<FaultRule>& rules);

}  // namespace roster::emulator
