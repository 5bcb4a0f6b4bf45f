#pragma once

#include <string>
#include <string_view>

#include "roster/core/diagnostic.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// A saved listing of the live team, read for offline planning.
struct LoadedSnapshot {
  model::ObservedTeam team;
  core::Diagnostics diagnostics;  // errors mean `team` must not be planned from
  /// The document carried `snapshot_format` (written by `roster snapshot`), rather than
  /// being a hand-made listing.
  bool has_snapshot_format = false;
};

/// Reads `{"members": [TeamMemberInfoV2, ...]}`: the concatenated `members/list_v2`
/// pages (include_removed: true) exactly as Dropbox sends them, optionally with the team's
/// facts as Dropbox answers them: `team_info`, `authenticated_admin`, `available_roles`
/// (docs/cli.md), and the team's access as Dropbox answers it: `groups`, `group_members`,
/// `custom_quotas`, `quota_excluded` (snapshot_access.hpp). Other top-level keys
/// (`cursor`, `has_more`) are ignored. Decodes one
/// member at a time, so memory stays near the size of the decoded team. Roles are
/// recognised by role_id (model::recognise_roles).
[[nodiscard]] LoadedSnapshot read_snapshot(const std::string& path);
[[nodiscard]] LoadedSnapshot read_snapshot_text(std::string_view text, const std::string& name);

}  // namespace roster::dropbox
