// `roster apply PLANFILE`: the reviewed plan, executed only if the team still looks the
// way it did when the plan was made. No prompt: the review happened on the pull request.
#include "commands.hpp"
#include "roster/render/render_diagnostics.hpp"
#include "roster/render/render_report.hpp"

namespace roster::cli {

namespace {

// The plan's steps must not suspend or remove whoever runs this apply.
std::string touches_token_admin(const plan::Plan& plan, const model::ObservedTeam& live) {
  if (!live.authenticated_admin_email) return "";
  for (const auto& s : plan.steps) {
    if ((s.action == plan::Action::suspend || s.action == plan::Action::remove) &&
        s.email == *live.authenticated_admin_email) {
      return "the plan would " + std::string(plan::to_string(s.action)) + " " + s.email +
             ", the admin whose token roster uses";
    }
  }
  return "";
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
  auto live = connect(options, env);
  if (!live) return ExitCode::error;
  auto observed = observe(*live, env);
  if (!observed) return ExitCode::error;
  if (saved.team_id && observed->team_id != saved.team_id) {
    return fail(env, *options.plan_file + " was made for team " + saved.team_name.value_or("?") +
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
  if (auto admin = touches_token_admin(saved.plan, *observed); !admin.empty()) {
    env.err << "roster: error: plan refused by safety guard token_admin: " << admin << '\n';
    return ExitCode::refused;
  }
  if (!saved.plan.has_changes()) {
    if (options.format == render::Format::human) {
      env.out << "No changes: nothing to apply.\n";
    } else {
      render::render_report_json(saved.plan, {}, env.out);
    }
    return ExitCode::success;
  }
  return execute_plan(saved, "planfile", *live, options, env);
}

}  // namespace roster::cli
