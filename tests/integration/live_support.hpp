#pragma once

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "roster/cli/run.hpp"
#include "roster/model/observed.hpp"
#include "support/cli_run.hpp"
#include "support/emulator_runner.hpp"

namespace roster::test {

/// roster against `emulator` with its token; an apply journals into the emulator's directory.
inline CliRun roster_cli(EmulatorRunner& emulator, std::vector<std::string> args,
                         const std::string& stdin_text = "", bool terminal = false) {
  args.insert(args.end(), {"--api-url", emulator.url()});
  if (args[0] == "apply")
    args.insert(args.end(), {"--journal", emulator.dir().file("journal.jsonl")});
  return run_cli(args, {{"DROPBOX_TOKEN", emulator.token()}}, stdin_text, terminal);
}

}  // namespace roster::test
