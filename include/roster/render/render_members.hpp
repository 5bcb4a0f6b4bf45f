#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "roster/model/desired.hpp"

namespace roster::render {

/// Writes `members` as a version-1 manifest holding only `version: 1` and a `members:`
/// list (no team, defaults or policy), so that the text stands alone, joins a manifest
/// directory as one more file, or has its list pasted into another manifest. Written as
/// render_manifest_yaml writes members; only what differs from roster's defaults is
/// written. Each line of `header` becomes a comment line (none when empty).
void render_members_yaml(const std::vector<model::DesiredMember>& members,
                         const std::string& header, std::ostream& out);

}  // namespace roster::render
