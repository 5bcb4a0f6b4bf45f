#include "commands.hpp"
#include "roster/dropbox/snapshot.hpp"
#include "roster/render/render_diagnostics.hpp"

namespace roster::cli {

ExitCode run_plan(const Options& options, Environment& env) {
  auto desired = load_valid_manifest(options.manifest_path, env);
  if (!desired) return ExitCode::error;
  std::optional<model::ObservedTeam> observed;
  if (options.observed_path) {
    auto snapshot = dropbox::read_snapshot(*options.observed_path);
    render::render_diagnostics(snapshot.diagnostics, render::Format::human, env.err);
    if (snapshot.diagnostics.has_errors()) return ExitCode::error;
    observed = std::move(snapshot.team);
  } else {
    auto live = connect(options, env);
    if (!live) return ExitCode::error;
    observed = observe(*live, env);
    if (!observed) return ExitCode::error;
  }
  plan::Plan plan = plan_and_show(desired->team, *observed, options, env);
  if (plan.is_refused()) return ExitCode::refused;
  // The nightly drift check: changes, or drift such as a member added in the console.
  if (options.detailed_exitcode && (plan.has_changes() || plan.has_drift())) {
    return ExitCode::changes;
  }
  return ExitCode::success;
}

}  // namespace roster::cli
