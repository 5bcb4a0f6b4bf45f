#include "roster/render/render_diagnostics.hpp"

#include "roster/core/json.hpp"
#include "roster/planfile/saved_plan.hpp"

namespace roster::render {

void render_diagnostics(const core::Diagnostics& diagnostics, Format format, std::ostream& out) {
  if (format == Format::json) {
    render_validation_json(diagnostics, 0, {}, out);
    return;
  }
  for (const auto& d : diagnostics.items())
    out << core::format_diagnostic(d) << '\n';
  if (auto omitted = core::format_omitted(diagnostics); !omitted.empty()) out << omitted << '\n';
}

void render_validation_json(const core::Diagnostics& diagnostics, std::size_t members,
                            const std::vector<std::string>& files, std::ostream& out) {
  std::string text;
  core::json::Writer w(text, 2);
  auto omitted = diagnostics.omitted_errors() + diagnostics.omitted_warnings();
  w.begin_object().key("format_version").string(planfile::k_format_version);
  w.key("valid").boolean(!diagnostics.has_errors());
  w.key("error_count").integer(static_cast<std::int64_t>(diagnostics.error_count()));
  w.key("warning_count").integer(static_cast<std::int64_t>(diagnostics.warning_count()));
  w.key("omitted").integer(static_cast<std::int64_t>(omitted));
  w.key("members").integer(static_cast<std::int64_t>(members));
  w.key("files").begin_array();
  for (const auto& f : files)
    w.string(f);
  w.end_array().key("diagnostics").begin_array();
  for (const auto& d : diagnostics.items()) {
    w.begin_object()
        .key("severity")
        .string(d.severity == core::Severity::error ? "error" : "warning");
    w.key("file").string(d.location.file);
    w.key("line");
    d.location.line > 0 ? w.integer(d.location.line) : w.null();
    w.key("column");
    d.location.column > 0 ? w.integer(d.location.column) : w.null();
    w.key("message").string(d.message).end_object();
  }
  w.end_array().end_object();
  out << text << '\n';
}

}  // namespace roster::render
