#include "support/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace roster::test {

namespace {

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  for (auto& s : strings)
    result.push_back(s.data());
  result.push_back(nullptr);
  return result;
}

// Runs in the forked child, so only async-signal-safe calls: the parent may have had
// other threads holding locks at fork time.
[[noreturn]] void exec_child(char* const* argv, char* const* envp, ChildStdio stdio, pid_t parent,
                             int report_fd) {
  ::setpgid(0, 0);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);  // the parent died before prctl took effect
  if ((stdio.in >= 0 && ::dup2(stdio.in, 0) < 0) || (stdio.out >= 0 && ::dup2(stdio.out, 1) < 0) ||
      (stdio.err >= 0 && ::dup2(stdio.err, 2) < 0)) {
    ::_exit(127);
  }
  ::execve(argv[0], argv, envp);
  int error = errno;
  (void)!::write(report_fd, &error, sizeof error);
  ::_exit(127);
}

}  // namespace

std::vector<std::string> environment_with(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> result;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    if (!overrides.count(entry.substr(0, entry.find('=')))) result.push_back(entry);
  }
  for (const auto& [name, value] : overrides)
    result.push_back(name + "=" + value);
  return result;
}

pid_t spawn_child(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                  ChildStdio stdio) {
  auto argv_copy = argv;
  auto env_copy = env;
  auto args = pointers(argv_copy);
  auto envp = pointers(env_copy);
  int report[2];  // close-on-exec: stays silent when execve succeeds
  if (::pipe2(report, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) exec_child(args.data(), envp.data(), stdio, parent, report[1]);
  ::setpgid(pid, pid);  // also here, so the group exists when we return (no race)
  ::close(report[1]);
  int error = 0;
  ssize_t n;
  do {
    n = ::read(report[0], &error, sizeof error);
  } while (n < 0 && errno == EINTR);
  ::close(report[0]);
  if (n > 0) {
    ::waitpid(pid, nullptr, 0);
    throw std::runtime_error("cannot start " + argv.at(0) + ": " + std::strerror(error));
  }
  return pid;
}

int kill_child(pid_t pid, int signal) {
  if (::kill(-pid, signal) != 0) ::kill(pid, signal);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

ProcessResult run_process(const std::vector<std::string>& argv,
                          const std::map<std::string, std::string>& env,
                          const std::string& stdin_text) {
  int out_pipe[2], err_pipe[2], in_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0 ||
      pipe2(in_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  pid_t pid = spawn_child(argv, environment_with(env), {in_pipe[0], out_pipe[1], err_pipe[1]});
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ::close(in_pipe[0]);
  (void)!::write(in_pipe[1], stdin_text.data(), stdin_text.size());
  ::close(in_pipe[1]);

  ProcessResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    if (::poll(fds, 2, -1) < 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP)) == 0) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      } else {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace roster::test
