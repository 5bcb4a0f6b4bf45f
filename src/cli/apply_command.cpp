#include <string>

#include "commands.hpp"
#include "roster/apply/apply_plan.hpp"
#include "roster/render/render_report.hpp"

namespace roster::cli {

namespace {

// Asks on the terminal; only "yes" goes ahead (Terraform's rule).
bool confirmed(const plan::Plan& plan, const model::ObservedTeam& team, Environment& env) {
  auto n = plan.steps.size();
  env.out << "\nApply " << n << (n == 1 ? " change" : " changes") << " to team \""
          << team.team_name.value_or("?") << "\"? Only 'yes' will be accepted: " << std::flush;
  std::string answer;
  std::getline(env.in, answer);
  return answer == "yes";
}

}  // namespace

ExitCode run_apply(const Options& options, Environment& env) {
  auto desired = load_valid_manifest(options.manifest_path, env);
  if (!desired) return ExitCode::error;
  auto live = connect(options, env);
  if (!live) return ExitCode::error;
  auto observed = observe(*live, env);
  if (!observed) return ExitCode::error;
  plan::Plan plan = plan_and_show(desired->team, *observed, options, env);
  if (plan.is_refused()) return ExitCode::refused;
  if (!plan.has_changes()) return ExitCode::success;
  if (!options.auto_approve && !env.stdin_is_tty) {
    return fail(env,
                "apply asks for confirmation on a terminal; pass --auto-approve to apply "
                "without one (nothing was changed)");
  }
  if (!options.auto_approve && !confirmed(plan, *observed, env)) {
    return fail(env, "apply cancelled (nothing was changed)");
  }

  env.out << "\nApplying " << plan.steps.size() << " steps:\n";
  auto progress = render::make_progress_printer(plan.steps.size(), output_style(env), env.out);
  apply::ApplyOptions apply_options;
  apply_options.parallelism = options.parallelism;
  auto report =
      apply::apply_plan(plan, *live->api, apply_options, live->clock, live->gate, *progress);
  render::render_report_human(plan, report, output_style(env), env.out);
  return report.all_succeeded() ? ExitCode::success : ExitCode::partial;
}

}  // namespace roster::cli
