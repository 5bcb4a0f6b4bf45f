#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "roster/model/desired.hpp"

namespace roster::render {

/// `text` as a YAML double-quoted scalar that libyaml reads back byte for byte: JSON
/// escapes plus DEL, C1 controls, NEL, U+2028/U+2029 and U+FEFF, which YAML would
/// otherwise treat as line breaks or drop.
[[nodiscard]] std::string yaml_quote(std::string_view text);

/// `# header` lines (one per line of `header`).
void write_yaml_header(const std::string& header, std::ostream& out);

/// One `members:` entry, writing only what differs from roster's defaults.
void write_member_yaml(const model::DesiredMember& member, std::ostream& out);

}  // namespace roster::render
