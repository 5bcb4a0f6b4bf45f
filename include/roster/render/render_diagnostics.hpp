#pragma once

#include <ostream>

#include "roster/core/diagnostic.hpp"
#include "roster/render/format.hpp"

namespace roster::render {

/// One line per diagnostic, `file:line:col: error: message`.
void render_diagnostics(const core::Diagnostics& diagnostics, Format format, std::ostream& out);

}  // namespace roster::render
