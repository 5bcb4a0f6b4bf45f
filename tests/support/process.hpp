#pragma once

#include <sys/types.h>

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
/// and `env` added to the environment; captures stdout and stderr separately. The child
/// is started with spawn_child, so it dies with the test.
ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env = {},
                          const std::string& stdin_text = "");

/// This process's environment with `overrides` set ("NAME=value" entries).
[[nodiscard]] std::vector<std::string> environment_with(
    const std::map<std::string, std::string>& overrides);

/// Where a child's standard streams go: a file descriptor to dup2 onto 0/1/2, or -1 to
/// share the parent's.
struct ChildStdio {
  int in = -1;
  int out = -1;
  int err = -1;
};

/// Starts `argv` (argv[0] is a path) with exactly `env` as its environment, in a process
/// group of its own, and with PR_SET_PDEATHSIG(SIGKILL): when the thread that started it
/// dies (a crashed or killed test), the kernel kills the child, so a crash is a failure
/// and never a timeout with orphans left running. Start children from the test's main
/// thread: a worker thread's exit would kill them too. Throws std::runtime_error when
/// the program cannot be started.
[[nodiscard]] pid_t spawn_child(const std::vector<std::string>& argv,
                                const std::vector<std::string>& env, ChildStdio stdio = {});

/// Sends `signal` to the child's process group (the child and anything it started),
/// then reaps the child; returns its wait status.
int kill_child(pid_t pid, int signal);

}  // namespace roster::test
