#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "roster/emulator/result.hpp"

namespace roster::emulator {

/// The OAuth scopes granted to every token the emulator accepts (`--scopes`); by default
/// all of them. Each route needs exactly one scope (REFERENCE §6-§8, team.stone).
class ScopeGrant {
 public:
  /// Every scope an emulated route needs.
  ScopeGrant();
  /// Exactly `scopes`; error (invalid_input) on a scope no emulated route uses, so a typo
  /// does not silently deny.
  [[nodiscard]] static Result<ScopeGrant> only(const std::vector<std::string>& scopes);

  [[nodiscard]] bool allows(std::string_view scope) const;

 private:
  std::vector<std::string_view> m_granted;
};

/// The scopes the emulated routes need, sorted: groups.read ... team_info.read.
[[nodiscard]] std::span<const std::string_view> known_scopes();

}  // namespace roster::emulator
