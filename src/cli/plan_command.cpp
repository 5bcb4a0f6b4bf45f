#include "commands.hpp"
#include "observe_options.hpp"
#include "roster/core/file.hpp"
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
    observed = observe(*live, env, observe_options_for(desired->team));
    if (!observed) return ExitCode::error;
  }
  if (!targets_are_known(options, *desired, *observed, env)) return ExitCode::error;
  auto saved = make_saved_plan(*desired, *observed, options.observed_path ? "observed" : "live",
                               options, env);
  show_plan(saved, options.format, env);
  if (options.out_path) {
    auto written = core::write_file_atomically(*options.out_path, planfile::to_json(saved));
    if (!written)
      return fail(env, "cannot write " + *options.out_path + ": " + written.error().message);
    env.err << "roster: saved the plan to " << *options.out_path << "; apply it with: roster apply "
            << *options.out_path << '\n';
  }
  if (saved.plan.is_refused()) return ExitCode::refused;
  // The nightly drift check: changes, or drift such as a member added in the console.
  if (options.detailed_exitcode && (saved.plan.has_changes() || saved.plan.has_drift())) {
    return ExitCode::changes;
  }
  return ExitCode::success;
}

}  // namespace roster::cli
