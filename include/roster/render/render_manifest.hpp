#pragma once

#include <ostream>
#include <string>

#include "roster/model/desired.hpp"

namespace roster::render {

/// Writes `team` as a version-1 manifest that `roster validate` accepts: YAML (yaml-cpp's
/// emitter; strings quoted only where YAML needs it, one line per member that fits in
/// 100 columns), or JSON (also valid YAML). `header` becomes comment lines (YAML only).
/// Only what differs from roster's defaults is written.
void render_manifest_yaml(const model::DesiredTeam& team, const std::string& header,
                          std::ostream& out);
void render_manifest_json(const model::DesiredTeam& team, std::ostream& out);

}  // namespace roster::render
