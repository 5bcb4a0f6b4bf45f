#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace roster::emulator {

/// Identifiers shaped like Dropbox's. Each embeds `seq`, so distinct sequence numbers
/// always give distinct ids; the rest is a deterministic filler.
[[nodiscard]] std::string make_team_member_id(std::uint64_t seq);
[[nodiscard]] std::string make_account_id(std::uint64_t seq);  // exactly 40 characters
[[nodiscard]] std::string make_group_id(std::uint64_t seq);    // "g:" + 32 hex digits
[[nodiscard]] std::string make_job_id(std::uint64_t seq);      // "dbjid:..."

/// The sequence number an id made by the functions above carries, or nullopt for an id
/// of another shape (one Dropbox made). An id of another shape never equals a made one,
/// so counters continued above every carried number never repeat an id (decision 0114).
[[nodiscard]] std::optional<std::uint64_t> team_member_id_seq(std::string_view id);
[[nodiscard]] std::optional<std::uint64_t> account_id_seq(std::string_view id);
[[nodiscard]] std::optional<std::uint64_t> group_id_seq(std::string_view id);

/// A request id for `X-Dropbox-Request-Id`: 32 hex digits.
[[nodiscard]] std::string make_request_id(std::uint64_t seq);

}  // namespace roster::emulator
