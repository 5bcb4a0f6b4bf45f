#include <sstream>

#include "commands.hpp"
#include "observe_options.hpp"
#include "roster/core/file.hpp"
#include "roster/dropbox/snapshot.hpp"
#include "roster/render/audit_report.hpp"
#include "roster/render/render_diagnostics.hpp"

namespace roster::cli {

namespace {

// The team as `plan` reads it: a --observed snapshot, or the live team.
std::optional<model::ObservedTeam> read_team(const Options& options,
                                             const manifest::LoadedManifest& desired,
                                             Environment& env) {
  if (options.observed_path) {
    auto snapshot = dropbox::read_snapshot(*options.observed_path);
    render::render_diagnostics(snapshot.diagnostics, render::Format::human, env.err);
    if (snapshot.diagnostics.has_errors()) return std::nullopt;
    return std::move(snapshot.team);
  }
  auto live = connect(options, env);
  if (!live) return std::nullopt;
  return observe(*live, env, observe_options_for(desired.team));
}

}  // namespace

// The HTML audit report (issue 12; decision 0050): the plan `plan` would print, the team it
// was made from and the drift, as one self-contained page. A refused plan still gets its
// page, which shows why, and exits 3 like `plan`.
ExitCode run_report(const Options& options, Environment& env) {
  auto desired = load_valid_manifest(options.manifest_path, env);
  if (!desired) return ExitCode::error;
  auto observed = read_team(options, *desired, env);
  if (!observed) return ExitCode::error;
  auto saved = make_saved_plan(*desired, *observed, options.observed_path ? "observed" : "live",
                               options, env);
  std::ostringstream page;
  render::render_audit_html(saved, render::make_audit_report(saved, *observed), page);
  if (options.output_path) {
    auto written = core::write_file_atomically(*options.output_path, page.str());
    if (!written) {
      return fail(env, "cannot write " + *options.output_path + ": " + written.error().message);
    }
    env.err << "roster: wrote the report to " << *options.output_path << '\n';
  } else {
    env.out << page.str();
  }
  if (!saved.plan.is_refused()) return ExitCode::success;
  env.err << "roster: error: a safety guard refused the plan; the report shows which\n";
  return ExitCode::refused;
}

}  // namespace roster::cli
