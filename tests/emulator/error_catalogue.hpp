#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace roster::emulator::test {

/// One route error and how to provoke it from acme_seed(): setup calls that must
/// succeed, an optional clock advance, then the call answered 409 with `error`.
struct ErrorCase {
  std::string name;
  std::string route;
  nlohmann::json arg;
  nlohmann::json error;  // the expected "error" value
  std::uint32_t licenses = 10;
  std::vector<std::pair<std::string, nlohmann::json>> setup = {};
  std::int64_t advance_seconds = 0;
  std::string extra_seed_keys = {};  // acme_seed()'s `extra_keys`
};

/// Every 409 route error the emulator can produce (REFERENCE §6-§8, team.stone).
[[nodiscard]] std::vector<ErrorCase> error_catalogue();

/// The part of the catalogue for groups/update|delete|members/set_access_type, secondary
/// emails and member space limits (error_catalogue_access.cpp).
[[nodiscard]] std::vector<ErrorCase> access_error_cases();

}  // namespace roster::emulator::test
