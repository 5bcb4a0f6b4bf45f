#pragma once

#include <ostream>
#include <string>

#include "roster/core/diagnostic.hpp"
#include "roster/render/format.hpp"

namespace roster::render {

/// Human: one line per diagnostic, `file:line:col: error: message`; then, when more were
/// found than Diagnostics keeps, "... and N more errors".
void render_diagnostics(const core::Diagnostics& diagnostics, Format format, std::ostream& out);

/// `roster validate --format json`: {"format_version", "valid", "error_count",
/// "warning_count", "omitted", "members", "files", "diagnostics": [...]}
/// (docs/json-output.md); `omitted` counts what `diagnostics` does not list.
void render_validation_json(const core::Diagnostics& diagnostics, std::size_t members,
                            const std::vector<std::string>& files, std::ostream& out);

}  // namespace roster::render
