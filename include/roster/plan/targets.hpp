#pragma once

#include <string>
#include <vector>

#include "roster/model/desired.hpp"
#include "roster/model/observed.hpp"

namespace roster::plan {

/// The --target emails (normalised) that name nobody: neither a manifest member nor any
/// record of the listing (removed ones included). Planning with them is a usage error.
[[nodiscard]] std::vector<std::string> unknown_targets(const model::DesiredTeam& desired,
                                                       const model::ObservedTeam& observed,
                                                       const std::vector<std::string>& targets);

}  // namespace roster::plan
