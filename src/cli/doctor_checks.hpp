#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "roster/dropbox/team_api.hpp"

namespace roster::cli {

/// What one `roster doctor` check found (docs/cli.md "doctor", decision 0044).
enum class CheckStatus { ok, warn, fail };

/// One check: its name ("api", "clock", "scope members.write", ...) and what it measured.
struct Check {
  CheckStatus status = CheckStatus::ok;
  std::string name;
  std::string detail;
};

/// `ok    name: detail`: the status padded to one column, so the lines align.
[[nodiscard]] std::string format_check(const Check& check);

/// Thresholds of decision 0044.
inline constexpr std::chrono::milliseconds k_slow_latency{2000};
inline constexpr std::chrono::seconds k_skew_warn{60};
inline constexpr std::chrono::seconds k_skew_fail{300};

/// The median latency of `pings` (at least one) against k_slow_latency.
[[nodiscard]] Check judge_latency(const std::string& api_url,
                                  const std::vector<dropbox::ApiPing>& pings);

/// This machine's clock (`local`, read when the answer arrived) against the server's
/// `Date`; a warning when the server sent none.
[[nodiscard]] Check judge_clock(const dropbox::ApiPing& ping, std::chrono::sys_seconds local);

/// Free licenses: a warning when none is left (invitations would fail).
[[nodiscard]] Check judge_licenses(const dropbox::TeamInfo& info);

}  // namespace roster::cli
