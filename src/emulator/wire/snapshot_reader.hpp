#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "roster/emulator/result.hpp"
#include "store/team_state.hpp"

namespace roster::emulator {

/// The snapshot_format this emulator reads.
inline constexpr int k_snapshot_format = 1;

/// True when the document is a snapshot (`roster snapshot`; it has `snapshot_format`)
/// rather than the emulator's own seed format.
[[nodiscard]] bool is_snapshot(const nlohmann::json& document);

/// What the snapshot's parts share while they are decoded (snapshot_*.cpp).
struct SnapshotDecoding {
  TeamState state;
  UnixSeconds taken_at = 0;
  std::unordered_map<std::string, std::size_t> by_member_id;
  std::vector<std::vector<std::string>> member_groups;  // each member's profile.groups
  std::string error;                                    // the first problem
};

/// Turns a snapshot into the emulated team (docs/emulator.md, "Seeding from a snapshot";
/// decision 0114). Every Dropbox value is decoded from the Stone spec's types; errors
/// name the key path, e.g. `members[3].profile.joined_on: expected a real UTC time ...`.
/// `members` holds the members already decoded with decode_member() while parsing (so a
/// large team never exists as one JSON tree), to which the document's `members` (if any
/// are left in it) are added. Cross-record rules (duplicate live emails, ...) are the
/// caller's (state_checks).
[[nodiscard]] Result<TeamState> decode_snapshot(const nlohmann::json& document,
                                                SnapshotDecoding members = {});

/// One more TeamMemberInfoV2 of `members` (its role and removal time are checked and set
/// when the whole snapshot is read).
void decode_member(const nlohmann::json& value, SnapshotDecoding& out);

/// `available_roles` (members/get_available_team_member_roles' result, {"roles": [...]}).
void decode_available_roles(const nlohmann::json& value, SnapshotDecoding& out);
/// `members`: TeamMemberInfoV2 values, removed members included.
void decode_members(const nlohmann::json& value, SnapshotDecoding& out);
/// After `available_roles` and `taken_at`: checks the members' role ids, dates removals.
void finish_members(SnapshotDecoding& out);
/// `groups` (GroupSummary list) and `group_members` (group id -> GroupMemberInfo list).
void decode_groups(const nlohmann::json* groups, const nlohmann::json* group_members,
                   SnapshotDecoding& out);
/// `custom_quotas` (CustomQuotaResult list) and `quota_excluded` (MemberProfile list).
void decode_quotas(const nlohmann::json* quotas, const nlohmann::json* excluded,
                   SnapshotDecoding& out);

}  // namespace roster::emulator
