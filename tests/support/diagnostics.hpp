#pragma once

#include <string>
#include <vector>

#include "roster/core/diagnostic.hpp"

namespace roster::test {

/// Every diagnostic as it is printed: `file:line:col: error: message`.
inline std::vector<std::string> printed(const core::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items())
    out.push_back(core::format_diagnostic(d));
  return out;
}

}  // namespace roster::test
