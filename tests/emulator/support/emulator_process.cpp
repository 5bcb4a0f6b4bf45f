#include "support/emulator_process.hpp"

#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>

namespace roster::emulator::test {

EmulatorProcess::EmulatorProcess(const std::vector<std::string>& arguments) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  const pid_t parent = ::getpid();
  m_pid = ::fork();
  if (m_pid < 0) throw std::runtime_error("fork failed");
  if (m_pid == 0) {
    // Dies with the test (tests/support/process.hpp has the reasons): a crashed test must
    // not leave an emulator behind.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::vector<char*> argv;
    std::string binary = ROSTER_EMULATOR_BINARY;
    argv.push_back(binary.data());
    auto copy = arguments;
    for (auto& argument : copy)
      argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // Read the first line, waiting at most 10 s for it.
  char c = 0;
  pollfd ready{out[0], POLLIN, 0};
  while (::poll(&ready, 1, 10000) > 0 && ::read(out[0], &c, 1) == 1 && c != '\n')
    m_first_line += c;
  ::close(out[0]);
  const auto colon = m_first_line.rfind(':');
  const bool listening = m_first_line.rfind("listening on http://127.0.0.1:", 0) == 0 ||
                         m_first_line.rfind("listening on https://127.0.0.1:", 0) == 0;
  if (!listening || colon == std::string::npos) {
    stop(SIGKILL);
    throw std::runtime_error("emulator did not start: \"" + m_first_line + "\"");
  }
  m_port = static_cast<std::uint16_t>(std::stoi(m_first_line.substr(colon + 1)));
}

EmulatorProcess::~EmulatorProcess() {
  if (m_pid > 0) stop(SIGKILL);
}

int EmulatorProcess::stop(int signal) {
  if (m_pid <= 0) return -1;
  ::kill(m_pid, signal);
  int status = 0;
  ::waitpid(m_pid, &status, 0);
  m_pid = -1;
  return status;
}

}  // namespace roster::emulator::test
