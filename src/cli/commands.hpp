#pragma once

#include <optional>

#include "options.hpp"
#include "roster/cli/run.hpp"
#include "roster/manifest/load_manifest.hpp"

namespace roster::cli {

/// Each command is a short story over the modules; it returns the process exit code.
ExitCode run_validate(const Options& options, Environment& env);
ExitCode run_plan(const Options& options, Environment& env);
ExitCode run_version(const Options& options, Environment& env);

/// Loads and validates the manifest, printing its diagnostics to stderr.
/// nullopt when it has errors.
std::optional<manifest::LoadedManifest> load_valid_manifest(const std::string& path,
                                                            Environment& env);

/// Prints `roster: error: message` to stderr and returns ExitCode::error.
ExitCode fail(Environment& env, const std::string& message);

}  // namespace roster::cli
