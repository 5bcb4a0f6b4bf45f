#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/core/json.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// Decoders of the team-level answers roster reads, as Dropbox sends them; shared by the
/// HTTP client and the snapshot reader. Unknown keys are ignored; a missing required field
/// or a wrong type is an error located at the offending value.

/// `TeamGetInfoResult` (team/get_info): name, team_id and the license counts.
[[nodiscard]] std::optional<TeamInfo> decode_team_info(const core::json::Value& value,
                                                       const std::string& path, DecodeError& error);

/// The license counts of a decoded `TeamGetInfoResult`; nullopt when it had none.
[[nodiscard]] std::optional<model::LicenseCounts> license_counts(const TeamInfo& info);

/// `TokenGetAuthenticatedAdminResult`: `{"admin_profile": TeamMemberProfile}`.
[[nodiscard]] std::optional<AdminIdentity> decode_authenticated_admin(
    const core::json::Value& value, const std::string& path, DecodeError& error);

/// `MembersGetAvailableTeamMemberRolesResult`: `{"roles": [TeamMemberRole, ...]}`.
[[nodiscard]] std::optional<std::vector<model::TeamRole>> decode_available_roles(
    const core::json::Value& value, const std::string& path, DecodeError& error);

}  // namespace roster::dropbox
