// Connecting to the live team, planning from it, and showing plans.
#include "commands.hpp"
#include "roster/dropbox/credentials.hpp"
#include "roster/dropbox/http_team_api.hpp"
#include "roster/dropbox/observe.hpp"
#include "roster/plan/targets.hpp"
#include "roster/render/render_plan.hpp"

namespace roster::cli {

std::optional<dropbox::HttpTeamApiConfig> client_config(const Options& options, Environment& env) {
  dropbox::HttpTeamApiConfig config;
  // Precedence: flag, then environment, then the Dropbox API.
  std::string url = options.api_url.empty() ? env.getenv("ROSTER_API_URL") : options.api_url;
  if (!url.empty()) config.api_url = url;
  // The CAs to trust: --ca-file, then SSL_CERT_FILE (as OpenSSL reads it), then the system's.
  if (options.ca_file) {
    if (options.ca_file->empty()) {
      fail(env, "--ca-file needs a PEM file of certificates");
      return std::nullopt;
    }
    config.ca_file = *options.ca_file;
  } else if (auto variable = env.getenv("SSL_CERT_FILE"); !variable.empty()) {
    config.ca_file = variable;
    config.ca_file_source = "SSL_CERT_FILE";
  }
  config.max_in_flight = options.parallelism;
  config.retry.max_retry_wait = options.max_retry_wait;
  config.log = env.log;  // the request log, when one was asked for
  return config;
}

std::unique_ptr<LiveTeam> connect(const Options& options, Environment& env) {
  auto credentials = dropbox::load_credentials(env.getenv, options.token_file);
  if (!credentials) {
    fail(env, credentials.error().message);
    return nullptr;
  }
  auto config = client_config(options, env);
  if (!config) return nullptr;
  auto live = std::make_unique<LiveTeam>();
  auto api = dropbox::make_http_team_api(*config, std::move(*credentials), live->stop, live->gate);
  if (!api) {
    fail(env, api.error().message);
    return nullptr;
  }
  live->api = std::move(*api);
  // apply --timeout bounds the whole run, from here: reading the team, then the steps.
  if (options.command == Command::apply) {
    live->stop.set_deadline(live->clock.now() + options.timeout);
  }
  return live;
}

std::optional<model::ObservedTeam> observe(LiveTeam& live, Environment& env,
                                           const dropbox::ObserveOptions& what) {
  auto team = dropbox::observe_team(*live.api, what);
  if (!team) {
    fail(env, team.error().message);
    return std::nullopt;
  }
  return std::move(*team);
}

render::Style output_style(const Environment& env) {
  return render::Style{env.stdout_is_tty && env.getenv("NO_COLOR").empty()};
}

bool targets_are_known(const Options& options, const manifest::LoadedManifest& manifest,
                       const model::ObservedTeam& observed, Environment& env) {
  auto unknown = plan::unknown_targets(manifest.team, observed, options.targets);
  if (unknown.empty()) return true;
  std::string list;
  for (const auto& e : unknown)
    list += (list.empty() ? "" : ", ") + e;
  fail(env, "--target " + list + (unknown.size() == 1 ? " is" : " are") +
                " neither in the manifest nor on the team; nothing was planned");
  return false;
}

planfile::SavedPlan make_saved_plan(const manifest::LoadedManifest& manifest,
                                    const model::ObservedTeam& observed, const std::string& source,
                                    const Options& options, Environment& env) {
  planfile::SavedPlan saved;
  saved.roster_version = ROSTER_VERSION;
  auto now = env.now();
  saved.created_at = model::format_timestamp(now);
  saved.source = source;
  saved.team_id = observed.team_id;
  saved.team_name = observed.team_name;
  saved.manifest_digest = manifest.digest;
  saved.plan = plan::make_plan(
      manifest.team, observed,
      plan::PlanOptions{now, options.max_removal_fraction, options.max_demotions, options.targets});
  saved.preconditions = planfile::make_preconditions(saved.plan, observed);
  return saved;
}

void show_plan(const planfile::SavedPlan& saved, render::Format format, Environment& env) {
  render::render_plan(saved, format, output_style(env), env.out);
  if (!saved.plan.is_refused()) return;
  std::string refused;
  for (const auto& g : saved.plan.guards) {
    if (g.status != plan::GuardResult::Status::refused) continue;
    refused += (refused.empty() ? "" : "; ") + g.name + ": " + g.message;
  }
  env.err << "roster: error: plan refused by safety guard " << refused << '\n';
}

}  // namespace roster::cli
