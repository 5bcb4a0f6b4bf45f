#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "roster/cli/run.hpp"
#include "roster/model/observed.hpp"
#include "support/emulator_runner.hpp"

namespace roster::test {

struct CliRun {
  cli::ExitCode code = cli::ExitCode::error;
  std::string out;
  std::string err;
};

/// Runs roster in-process with its own environment variables, stdin and clock.
inline CliRun run_cli(const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& vars,
                      const std::string& stdin_text = "", bool terminal = false) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  cli::Environment env{in,
                       out,
                       err,
                       terminal,
                       false,
                       [vars](const char* name) {
                         auto it = vars.find(name);
                         return it == vars.end() ? std::string() : it->second;
                       },
                       [] { return *model::parse_timestamp("2026-11-26T12:00:00Z"); }};
  auto code = cli::run(args, env);
  return {code, out.str(), err.str()};
}

/// roster against `emulator` with its token; an apply journals into the emulator's directory.
inline CliRun roster_cli(EmulatorRunner& emulator, std::vector<std::string> args,
                         const std::string& stdin_text = "", bool terminal = false) {
  args.insert(args.end(), {"--api-url", emulator.url()});
  if (args[0] == "apply")
    args.insert(args.end(), {"--journal", emulator.dir().file("journal.jsonl")});
  return run_cli(args, {{"DROPBOX_TOKEN", emulator.token()}}, stdin_text, terminal);
}

}  // namespace roster::test
