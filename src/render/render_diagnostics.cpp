#include "roster/render/render_diagnostics.hpp"

namespace roster::render {

void render_diagnostics(const core::Diagnostics& diagnostics, Format, std::ostream& out) {
  for (const auto& d : diagnostics.items())
    out << core::format_diagnostic(d) << '\n';
}

}  // namespace roster::render
