#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "roster/core/json.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// Why a Dropbox JSON value could not be decoded, and where (byte offset in its document).
using DecodeError = core::json::FieldReader::Failure;

/// Decodes one `TeamMemberInfoV2` (REFERENCE §5) as Dropbox sends it in
/// `members/list_v2` pages. Unknown keys are ignored (Dropbox may add fields); a
/// missing required field, a wrong type or an unknown status tag is an error. The member's
/// `role` is left for model::recognise_roles, which judges `roles` by role_id.
/// `profile.groups` becomes `group_ids`, `profile.secondary_emails` (normalised)
/// `secondary_emails`; both may be absent (empty).
/// `path` prefixes messages, e.g. "members[3]".
[[nodiscard]] std::optional<model::ObservedMember> decode_member_info(
    const core::json::Value& value, const std::string& path, DecodeError& error);

}  // namespace roster::dropbox
