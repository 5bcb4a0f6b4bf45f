#pragma once

#include <map>
#include <string>
#include <vector>

namespace roster::test {

/// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

/// Runs `argv` (argv[0] is a path) to completion with `stdin_text` on its standard input
/// and `env` added to the environment; captures stdout and stderr separately.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {},
                          const std::string& stdin_text = "");

}  // namespace roster::test
