#pragma once

#include <string>
#include <vector>

#include "roster/plan/plan.hpp"

namespace roster::render {

/// The lines every plan view prints about licenses (decision 0037), without markup:
/// "Licenses: 10 licensed; 9 in use now, 10 after this plan, 0 free.", then, when removals
/// must go first, the line that says so.
[[nodiscard]] std::vector<std::string> license_lines(const plan::LicenseForecast& licenses);

}  // namespace roster::render
