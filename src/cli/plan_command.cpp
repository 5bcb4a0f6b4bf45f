#include "commands.hpp"
#include "roster/dropbox/snapshot.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/render/render_diagnostics.hpp"
#include "roster/render/render_plan.hpp"

namespace roster::cli {

namespace {

std::string refusal_message(const plan::Plan& plan) {
  std::string out;
  for (const auto& g : plan.guards) {
    if (g.status != plan::GuardResult::Status::refused) continue;
    if (!out.empty()) out += "; ";
    out += g.name + ": " + g.message;
  }
  return "plan refused by safety guard " + out;
}

}  // namespace

ExitCode run_plan(const Options& options, Environment& env) {
  auto desired = load_valid_manifest(options.manifest_path, env);
  if (!desired) return ExitCode::error;
  if (!options.observed_path) {
    return fail(env, "plan needs --observed SNAPSHOT.json (live planning is not available yet)");
  }
  auto observed = dropbox::read_snapshot(*options.observed_path);
  render::render_diagnostics(observed.diagnostics, render::Format::human, env.err);
  if (observed.diagnostics.has_errors()) return ExitCode::error;

  plan::PlanOptions plan_options{env.now(), options.max_removal_fraction};
  plan::Plan plan = plan::make_plan(desired->team, observed.team, plan_options);
  render::Style style{env.stdout_is_tty && env.getenv("NO_COLOR").empty()};
  render::render_plan_human(plan, style, env.out);
  if (plan.is_refused()) {
    env.err << "roster: error: " << refusal_message(plan) << '\n';
    return ExitCode::refused;
  }
  if (options.detailed_exitcode && plan.has_changes()) return ExitCode::changes;
  return ExitCode::success;
}

}  // namespace roster::cli
