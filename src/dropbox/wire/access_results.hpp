#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "roster/core/json.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// Per-item answers of the access writes, read back in the order they were asked
/// (team.stone answers item i for request item i; a count that differs is an error).

/// `AddSecondaryEmailsResult` / `DeleteSecondaryEmailsResult`: one outcome per (member,
/// email) of `batch`. A member-level failure (`invalid_user`, `unverified`,
/// `placeholder_user`, or a tag this build does not know) is that member's outcome for
/// each of its emails; otherwise each email gets its own result's tag ("" for success).
[[nodiscard]] std::optional<std::vector<ItemOutcome>> decode_secondary_email_results(
    const core::json::Value& value, const std::vector<MemberEmails>& batch, DecodeError& error);

/// `List(CustomQuotaResult)` / `List(RemoveCustomQuotaResult)`: one outcome per member,
/// "" for success, else the tag (`invalid_user`).
[[nodiscard]] std::optional<std::vector<ItemOutcome>> decode_quota_outcomes(
    const core::json::Value& value, const std::vector<UserRef>& users, DecodeError& error);

/// `List(CustomQuotaResult)` of get_custom_quota: per member, its `quota_gb`, nullopt when
/// it has none (the team default) or is not on the team (`invalid_user`).
[[nodiscard]] std::optional<std::vector<std::optional<std::uint32_t>>> decode_custom_quotas(
    const core::json::Value& value, std::size_t count, DecodeError& error);

}  // namespace roster::dropbox
