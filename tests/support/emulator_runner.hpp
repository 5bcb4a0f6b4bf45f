#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "roster/core/json.hpp"

namespace roster::test {

/// A fresh temporary directory, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  [[nodiscard]] std::string file(const std::string& name) const { return (m_path / name).string(); }
  /// Writes `content` to `name` inside the directory and returns its path.
  std::string write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path m_path;
};

/// roster-emulator as a child process on 127.0.0.1 with its own state directory.
/// The destructor kills it, and so does the kernel when the test dies first (spawn_child),
/// so no test leaves a process behind.
class EmulatorRunner {
 public:
  /// `seed_json` empty: the emulator's default team. `extra` are more flags.
  explicit EmulatorRunner(const std::string& seed_json, const std::string& token = "test-token",
                          const std::vector<std::string>& extra = {});
  ~EmulatorRunner();
  EmulatorRunner(const EmulatorRunner&) = delete;
  EmulatorRunner& operator=(const EmulatorRunner&) = delete;

  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  [[nodiscard]] std::uint16_t port() const { return m_port; }
  [[nodiscard]] pid_t pid() const { return m_pid; }
  [[nodiscard]] const std::string& token() const { return m_token; }
  [[nodiscard]] const TempDir& dir() const { return m_dir; }

  /// Calls of one route (e.g. "team/members/add_v2") since start.
  [[nodiscard]] int calls(const std::string& route);
  [[nodiscard]] core::json::Value stats();
  [[nodiscard]] core::json::Value state();
  /// POST /_emulator/faults with one rule, e.g. {"route": "...", "kind": "429", "count": 2}.
  void fault(const std::string& rule_json);
  void advance_clock(long seconds);
  void accept_invite(const std::string& email);

  /// SIGKILL, then start again on the same state file (a crash and restart).
  void crash_and_restart();

 private:
  void start();
  void kill_now(int signal);

  TempDir m_dir;
  std::string m_seed_path;
  std::string m_token;
  std::vector<std::string> m_extra;
  pid_t m_pid = -1;
  std::uint16_t m_port = 0;
};

/// The status (active, invited, suspended, removed) of `email` in the emulator's state,
/// or "" when it has no record; for several records the live one wins.
[[nodiscard]] std::string member_status(const core::json::Value& state, const std::string& email);

}  // namespace roster::test
