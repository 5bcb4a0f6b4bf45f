#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace roster::core {
class RequestLog;
}

namespace roster::cli {

class SignalRelay;

/// Exit codes of PRODUCT.md §5, documented in docs/cli.md.
enum class ExitCode : int {
  success = 0,  // no changes, or applied
  error = 1,    // bad input, API failure
  changes = 2,  // plan --detailed-exitcode: changes present
  refused = 3,  // a safety guard refused the plan
  partial = 4,  // apply finished but some steps failed
};

/// Everything a command may touch outside its arguments, so tests can run
/// commands in-process with their own streams, environment and clock.
struct Environment {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool stdin_is_tty = false;
  bool stdout_is_tty = false;
  std::function<std::string(const char*)> getenv;  // "" when unset
  std::function<std::int64_t()> now;               // seconds since the epoch
  /// Where SIGINT and SIGTERM go while an apply executes; null in in-process tests.
  SignalRelay* signals = nullptr;
  /// The run's request log (--log-level, ROSTER_LOG); run() sets it, null: none.
  core::RequestLog* log = nullptr;
};

/// Runs one roster command line; returns its exit code. Never throws for bad input.
[[nodiscard]] ExitCode run(const std::vector<std::string>& args, Environment& env);

/// The real process environment: std::cin/cout/cerr, isatty, getenv, system clock, and
/// `signals` (main() starts it before anything else).
[[nodiscard]] Environment process_environment(SignalRelay* signals);

}  // namespace roster::cli
