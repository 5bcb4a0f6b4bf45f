#pragma once

#include <sys/types.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace roster::chaos {

/// How a child process ended.
struct ChildExit {
  bool killed = false;  // ended by a signal
  int code = -1;        // exit code, or the signal number when killed
};

/// A child process (argv[0] is a path) with stdin from /dev/null and stdout/stderr
/// appended to files. It gets SIGKILL if this process dies first (PR_SET_PDEATHSIG),
/// and the destructor kills and reaps it, so a failed test leaves no orphan.
class ChildProcess {
 public:
  ChildProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
               const std::string& out_path, const std::string& err_path);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  /// The exit, once the child has ended (never blocks).
  [[nodiscard]] std::optional<ChildExit> poll();
  /// SIGKILL (if still running), then reap.
  ChildExit kill();

 private:
  pid_t m_pid = -1;
  std::optional<ChildExit> m_exit;
};

}  // namespace roster::chaos
