#pragma once

#include <memory>
#include <optional>

#include "options.hpp"
#include "roster/cli/run.hpp"
#include "roster/core/clock.hpp"
#include "roster/core/retry.hpp"
#include "roster/core/stop.hpp"
#include "roster/dropbox/credentials.hpp"
#include "roster/dropbox/http_team_api.hpp"
#include "roster/dropbox/observe.hpp"
#include "roster/dropbox/take_snapshot.hpp"
#include "roster/dropbox/team_api.hpp"
#include "roster/manifest/load_manifest.hpp"
#include "roster/model/observed.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "roster/render/format.hpp"

namespace roster::cli {

/// Each command is a short story over the modules; it returns the process exit code.
ExitCode run_validate(const Options& options, Environment& env);
ExitCode run_plan(const Options& options, Environment& env);
ExitCode run_apply(const Options& options, Environment& env);
ExitCode run_show(const Options& options, Environment& env);
ExitCode run_report(const Options& options, Environment& env);
ExitCode run_export(const Options& options, Environment& env);
ExitCode run_import_csv(const Options& options, Environment& env);
ExitCode run_doctor(const Options& options, Environment& env);
ExitCode run_version(const Options& options, Environment& env);
ExitCode apply_saved_plan(const Options& options, Environment& env);
ExitCode run_snapshot(const Options& options, Environment& env);
ExitCode run_rehearse(const Options& options, Environment& env);

/// Loads and validates the manifest, printing its diagnostics to stderr.
/// nullopt when it has errors.
std::optional<manifest::LoadedManifest> load_valid_manifest(const std::string& path,
                                                            Environment& env);

/// The live team's client and the shared state its requests use.
struct LiveTeam {
  core::SystemClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  std::unique_ptr<dropbox::TeamApi> api;
};

/// Credentials from the environment or --token-file, and a client for --api-url (or
/// ROSTER_API_URL). Prints the error and returns nullptr when either is missing or invalid.
std::unique_ptr<LiveTeam> connect(const Options& options, Environment& env);

/// The client's settings from the global options and the environment (URL, CAs, bounds);
/// prints the error and returns nullopt when one is invalid.
std::optional<dropbox::HttpTeamApiConfig> client_config(const Options& options, Environment& env);

/// Reads the live team: its members, and what `what` asks for beyond them (groups, quotas;
/// observe_options.hpp); prints the error and returns nullopt on failure.
std::optional<model::ObservedTeam> observe(LiveTeam& live, Environment& env,
                                           const dropbox::ObserveOptions& what);

/// True when every --target names a manifest member or a record of the team; otherwise
/// prints the usage error (decision 0038) and returns false.
bool targets_are_known(const Options& options, const manifest::LoadedManifest& manifest,
                       const model::ObservedTeam& observed, Environment& env);

/// Plans, and records what the plan was made from (planfile::SavedPlan).
planfile::SavedPlan make_saved_plan(const manifest::LoadedManifest& manifest,
                                    const model::ObservedTeam& observed, const std::string& source,
                                    const Options& options, Environment& env);

/// Prints the plan in --format, and a refusal on stderr.
void show_plan(const planfile::SavedPlan& saved, render::Format format, Environment& env);

/// Runs a plan against the live team with the journal and progress output; prints the
/// report in --format and returns 0 or 4. `source` ("manifest" or "planfile") is journaled;
/// `observed` is the team as read for this run (its role table is not read again).
ExitCode execute_plan(const planfile::SavedPlan& saved, const model::ObservedTeam& observed,
                      const std::string& source, LiveTeam& live, const Options& options,
                      Environment& env);

/// Colour only on a terminal and without NO_COLOR.
render::Style output_style(const Environment& env);

/// Reads the live team as a snapshot document (dropbox::take_snapshot) within --timeout;
/// prints the error and returns nullopt on failure.
std::optional<dropbox::TakenSnapshot> take_live_snapshot(const Options& options, Environment& env);

/// Prints `roster: error: message` to stderr and returns ExitCode::error.
ExitCode fail(Environment& env, const std::string& message);

}  // namespace roster::cli
