#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace roster::emulator {

/// Identifiers shaped like Dropbox's. Each embeds `seq`, so distinct sequence numbers
/// always give distinct ids; the rest is a deterministic filler.
[[nodiscard]] std::string make_team_member_id(std::uint64_t seq);
[[nodiscard]] std::string make_account_id(std::uint64_t seq);  // exactly 40 characters
[[nodiscard]] std::string make_group_id(std::uint64_t seq);    // "g:" + 32 hex digits
[[nodiscard]] std::string make_job_id(std::uint64_t seq);      // "dbjid:..."

/// A request id for `X-Dropbox-Request-Id`: 32 hex digits.
[[nodiscard]] std::string make_request_id(std::uint64_t seq);

}  // namespace roster::emulator
