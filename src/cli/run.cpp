#include "roster/cli/run.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <iostream>

#include "commands.hpp"
#include "request_log_setup.hpp"
#include "roster/render/render_diagnostics.hpp"

namespace roster::cli {

namespace {

struct CommandEntry {
  Command command;
  ExitCode (*run)(const Options&, Environment&);
};

constexpr CommandEntry k_commands[] = {
    {Command::validate, run_validate}, {Command::plan, run_plan},
    {Command::apply, run_apply},       {Command::export_team, run_export},
    {Command::show, run_show},         {Command::import_csv, run_import_csv},
    {Command::doctor, run_doctor},     {Command::version, run_version},
    {Command::snapshot, run_snapshot}, {Command::rehearse, run_rehearse},
    {Command::report, run_report},
};

}  // namespace

ExitCode fail(Environment& env, const std::string& message) {
  env.err << "roster: error: " << message << '\n';
  return ExitCode::error;
}

std::optional<manifest::LoadedManifest> load_valid_manifest(const std::string& path,
                                                            Environment& env) {
  auto loaded = manifest::load_manifest(path);
  render::render_diagnostics(loaded.diagnostics, render::Format::human, env.err);
  if (loaded.diagnostics.has_errors()) return std::nullopt;
  return loaded;
}

ExitCode run(const std::vector<std::string>& args, Environment& env) {
  ParsedCommandLine parsed = parse_options(args);
  if (!parsed.options) {
    if (!parsed.is_error) {
      env.out << parsed.output;
      return ExitCode::success;
    }
    return fail(env, parsed.output + " (see 'roster --help')");
  }
  auto log = open_request_log(*parsed.options, env);
  if (!log.error.empty()) return fail(env, log.error);
  struct LogScope {  // env.log points at `log` only while the command runs
    Environment& env;
    ~LogScope() { env.log = nullptr; }
  } scope{env};
  env.log = log.log.get();
  for (const auto& entry : k_commands) {
    if (entry.command == parsed.options->command) return entry.run(*parsed.options, env);
  }
  return fail(env, "unknown command");
}

Environment process_environment(SignalRelay* signals) {
  return Environment{
      std::cin,
      std::cout,
      std::cerr,
      ::isatty(STDIN_FILENO) == 1,
      ::isatty(STDOUT_FILENO) == 1,
      [](const char* name) {
        const char* value = std::getenv(name);
        return std::string(value != nullptr ? value : "");
      },
      [] {
        return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count());
      },
      signals,
  };
}

}  // namespace roster::cli
