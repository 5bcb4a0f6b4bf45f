// `roster apply PLANFILE`: the reviewed plan, executed only if the team still looks the
// way it did when the plan was made. No prompt: the review happened on the pull request.
#include "commands.hpp"
#include "observe_options.hpp"
#include "roster/plan/guards.hpp"
#include "roster/render/render_diagnostics.hpp"
#include "roster/render/render_plan.hpp"
#include "roster/render/render_report.hpp"

namespace roster::cli {

namespace {

ExitCode refuse(Environment& env, const std::string& message) {
  env.err << "roster: error: " << message << '\n';
  return ExitCode::refused;
}

}  // namespace

ExitCode apply_saved_plan(const Options& options, Environment& env) {
  auto loaded = planfile::read_saved_plan(*options.plan_file);
  render::render_diagnostics(loaded.diagnostics, render::Format::human, env.err);
  if (!loaded.saved) return ExitCode::error;
  const auto& saved = *loaded.saved;
  if (saved.plan.is_refused()) {
    env.err << "roster: error: " << *options.plan_file
            << " was refused by a safety guard when it was made; it cannot be applied\n";
    return ExitCode::refused;
  }
  // A plan says which team it is for, or it cannot be applied to any (decision 0009).
  if (!saved.team_id) {
    return refuse(env, *options.plan_file + " records no team identity (it was planned " +
                           (saved.source == "observed" ? "offline from a snapshot without "
                                                         "team_info"
                                                       : "without one") +
                           "), so it cannot be applied to a live team; nothing was changed. "
                           "Plan live, or from a snapshot that records team_info");
  }
  auto live = connect(options, env);
  if (!live) return ExitCode::error;
  auto observed = observe(*live, env, observe_options_for(saved.plan));
  if (!observed) return ExitCode::error;
  if (observed->team_id != saved.team_id) {
    return refuse(env, *options.plan_file + " was made for team " + saved.team_name.value_or("?") +
                           " (" + *saved.team_id + "), but the token belongs to team " +
                           observed->team_name.value_or("?") + " (" +
                           observed->team_id.value_or("?") + "); nothing was changed");
  }
  auto stale = planfile::find_stale_members(saved, *observed);
  if (!stale.empty()) {
    env.err << "roster: error: " << *options.plan_file << " is stale: " << stale.size()
            << (stale.size() == 1 ? " member changed" : " members changed")
            << " since it was made; nothing was changed. Plan again.\n";
    for (const auto& s : stale)
      env.err << "  " << s.email << ": " << s.change << '\n';
    return ExitCode::error;
  }
  // Who the admins are and who holds the token are judged again, on the team as it is now.
  for (const auto& guard : plan::recheck_guards(saved.plan, *observed)) {
    if (guard.status == plan::GuardResult::Status::refused) {
      return refuse(env, "plan refused by safety guard " + guard.name + ": " + guard.message);
    }
  }
  if (!saved.plan.has_changes()) {
    if (options.format == render::Format::human) {
      env.out << "No changes: nothing to apply.\n";
    } else {
      render::render_report_json(saved.plan, {}, env.out);
    }
    return ExitCode::success;
  }
  // A targeted plan says so before it runs: the rest of the manifest is not applied.
  if (saved.plan.targets)
    env.err << "roster: " << render::targets_text(*saved.plan.targets) << '\n';
  return execute_plan(saved, *observed, "planfile", *live, options, env);
}

}  // namespace roster::cli
