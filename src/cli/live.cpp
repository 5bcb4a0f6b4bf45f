// Connecting to the live team: credentials, client, and the full read.
#include "commands.hpp"
#include "roster/dropbox/credentials.hpp"
#include "roster/dropbox/http_team_api.hpp"
#include "roster/dropbox/observe.hpp"
#include "roster/render/render_plan.hpp"

namespace roster::cli {

std::unique_ptr<LiveTeam> connect(const Options& options, Environment& env) {
  auto credentials = dropbox::load_credentials(env.getenv, options.token_file);
  if (!credentials) {
    fail(env, credentials.error().message);
    return nullptr;
  }
  auto live = std::make_unique<LiveTeam>();
  dropbox::HttpTeamApiConfig config;
  if (!options.api_url.empty()) config.api_url = options.api_url;
  auto api = dropbox::make_http_team_api(config, std::move(*credentials), live->clock, live->gate);
  if (!api) {
    fail(env, api.error().message);
    return nullptr;
  }
  live->api = std::move(*api);
  return live;
}

std::optional<model::ObservedTeam> observe(LiveTeam& live, Environment& env) {
  auto team = dropbox::observe_team(*live.api);
  if (!team) {
    fail(env, team.error().message);
    return std::nullopt;
  }
  return std::move(*team);
}

render::Style output_style(const Environment& env) {
  return render::Style{env.stdout_is_tty && env.getenv("NO_COLOR").empty()};
}

plan::Plan plan_and_show(const model::DesiredTeam& desired, const model::ObservedTeam& observed,
                         const Options& options, Environment& env) {
  plan::PlanOptions plan_options{env.now(), options.max_removal_fraction};
  plan::Plan plan = plan::make_plan(desired, observed, plan_options);
  render::render_plan_human(plan, output_style(env), env.out);
  if (plan.is_refused()) {
    std::string refused;
    for (const auto& g : plan.guards) {
      if (g.status != plan::GuardResult::Status::refused) continue;
      refused += (refused.empty() ? "" : "; ") + g.name + ": " + g.message;
    }
    env.err << "roster: error: plan refused by safety guard " << refused << '\n';
  }
  return plan;
}

}  // namespace roster::cli
