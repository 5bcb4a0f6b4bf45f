#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace roster::emulator::test {

/// roster-emulator run as a child process (the binary CTest built). The constructor
/// waits for its "listening on" line; the destructor kills and reaps it, so no test
/// leaves a process behind.
class EmulatorProcess {
 public:
  explicit EmulatorProcess(const std::vector<std::string>& arguments);
  ~EmulatorProcess();
  EmulatorProcess(const EmulatorProcess&) = delete;
  EmulatorProcess& operator=(const EmulatorProcess&) = delete;

  [[nodiscard]] std::uint16_t port() const { return m_port; }
  [[nodiscard]] const std::string& first_line() const { return m_first_line; }
  /// Sends `signal` and waits for the exit; returns the wait status.
  int stop(int signal);

 private:
  pid_t m_pid = -1;
  std::uint16_t m_port = 0;
  std::string m_first_line;
};

}  // namespace roster::emulator::test
