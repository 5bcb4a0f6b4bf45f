#pragma once

#include <memory>
#include <optional>

#include "options.hpp"
#include "roster/cli/run.hpp"
#include "roster/core/clock.hpp"
#include "roster/core/retry.hpp"
#include "roster/dropbox/team_api.hpp"
#include "roster/manifest/load_manifest.hpp"
#include "roster/model/observed.hpp"
#include "roster/plan/make_plan.hpp"
#include "roster/render/format.hpp"

namespace roster::cli {

/// Each command is a short story over the modules; it returns the process exit code.
ExitCode run_validate(const Options& options, Environment& env);
ExitCode run_plan(const Options& options, Environment& env);
ExitCode run_apply(const Options& options, Environment& env);
ExitCode run_export(const Options& options, Environment& env);
ExitCode run_version(const Options& options, Environment& env);

/// Loads and validates the manifest, printing its diagnostics to stderr.
/// nullopt when it has errors.
std::optional<manifest::LoadedManifest> load_valid_manifest(const std::string& path,
                                                            Environment& env);

/// The live team's client and the shared state its requests use.
struct LiveTeam {
  core::SystemClock clock;
  core::RateGate gate;
  std::unique_ptr<dropbox::TeamApi> api;
};

/// Credentials from the environment or --token-file, and a client for --api-url.
/// Prints the error and returns nullptr when either is missing or invalid.
std::unique_ptr<LiveTeam> connect(const Options& options, Environment& env);

/// Reads the whole live team; prints the error and returns nullopt on failure.
std::optional<model::ObservedTeam> observe(LiveTeam& live, Environment& env);

/// Plans, prints the plan for people, and reports a refusal on stderr.
plan::Plan plan_and_show(const model::DesiredTeam& desired, const model::ObservedTeam& observed,
                         const Options& options, Environment& env);

/// Colour only on a terminal and without NO_COLOR.
render::Style output_style(const Environment& env);

/// Prints `roster: error: message` to stderr and returns ExitCode::error.
ExitCode fail(Environment& env, const std::string& message);

}  // namespace roster::cli
