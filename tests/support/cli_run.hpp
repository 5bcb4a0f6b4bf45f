#pragma once
// roster's command line run in-process: captured streams, chosen environment variables and
// terminals, and a fixed clock (2026-11-26T12:00:00Z).
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "roster/cli/run.hpp"
#include "roster/model/observed.hpp"

namespace roster::test {

struct CliRun {
  cli::ExitCode code = cli::ExitCode::error;
  std::string out;
  std::string err;
};

/// Runs one command line; `vars` are its environment variables (others are unset).
inline CliRun run_cli(const std::vector<std::string>& args,
                      const std::map<std::string, std::string>& vars = {},
                      const std::string& stdin_text = "", bool stdin_tty = false,
                      bool stdout_tty = false) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  cli::Environment env{in,
                       out,
                       err,
                       stdin_tty,
                       stdout_tty,
                       [vars](const char* name) {
                         auto it = vars.find(name);
                         return it == vars.end() ? std::string() : it->second;
                       },
                       [] { return *model::parse_timestamp("2026-11-26T12:00:00Z"); }};
  auto code = cli::run(args, env);
  return {code, out.str(), err.str()};
}

}  // namespace roster::test
