#include <string>

#include "commands.hpp"
#include "observe_options.hpp"

namespace roster::cli {

namespace {

// Asks on the terminal; only "yes" goes ahead (Terraform's rule).
bool confirmed(const plan::Plan& plan, const model::ObservedTeam& team, Environment& env) {
  auto n = plan.steps.size();
  std::ostream& prompt = env.out;
  prompt << "\nApply " << n << (n == 1 ? " change" : " changes") << " to team \""
         << team.team_name.value_or("?") << "\"? Only 'yes' will be accepted: " << std::flush;
  std::string answer;
  std::getline(env.in, answer);
  return answer == "yes";
}

ExitCode apply_manifest(const Options& options, Environment& env) {
  auto desired = load_valid_manifest(options.manifest_path, env);
  if (!desired) return ExitCode::error;
  auto live = connect(options, env);
  if (!live) return ExitCode::error;
  auto observed = observe(*live, env, observe_options_for(desired->team));
  if (!observed) return ExitCode::error;
  if (!targets_are_known(options, *desired, *observed, env)) return ExitCode::error;
  auto saved = make_saved_plan(*desired, *observed, "live", options, env);
  // In JSON mode stdout carries only the report; the plan is for people.
  if (options.format == render::Format::human) show_plan(saved, render::Format::human, env);
  if (saved.plan.is_refused()) return ExitCode::refused;
  if (!saved.plan.has_changes()) return ExitCode::success;
  if (!options.auto_approve && !env.stdin_is_tty) {
    return fail(env,
                "apply asks for confirmation on a terminal; pass --auto-approve to apply "
                "without one (nothing was changed)");
  }
  if (!options.auto_approve) {
    // The time a person takes to answer is not the run's: --timeout resumes after it.
    auto asked = live->clock.now();
    if (!confirmed(saved.plan, *observed, env)) {
      return fail(env, "apply cancelled (nothing was changed)");
    }
    if (auto deadline = live->stop.deadline()) {
      live->stop.set_deadline(*deadline + (live->clock.now() - asked));
    }
  }
  return execute_plan(saved, *observed, "manifest", *live, options, env);
}

}  // namespace

ExitCode run_apply(const Options& options, Environment& env) {
  return options.plan_file ? apply_saved_plan(options, env) : apply_manifest(options, env);
}

}  // namespace roster::cli
