#include "child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace roster::chaos {

namespace {

ChildExit decode(int status) {
  if (WIFSIGNALED(status)) return {true, WTERMSIG(status)};
  return {false, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

// The inherited environment without roster's own variables, plus `env`.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& env) {
  std::vector<std::string> out;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    if (entry.rfind("DROPBOX_", 0) == 0 || entry.rfind("ROSTER_", 0) == 0) continue;
    out.push_back(entry);
  }
  for (const auto& [key, value] : env)
    out.push_back(key + "=" + value);
  return out;
}

int open_or_throw(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  return fd;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv,
                           const std::map<std::string, std::string>& env,
                           const std::string& out_path, const std::string& err_path) {
  // Everything the child needs is prepared before fork: after it, only async-signal-safe
  // calls (the test process has threads).
  std::vector<std::string> args = argv;
  std::vector<std::string> vars = child_environment(env);
  std::vector<char*> arg_ptrs, var_ptrs;
  for (auto& a : args)
    arg_ptrs.push_back(a.data());
  arg_ptrs.push_back(nullptr);
  for (auto& v : vars)
    var_ptrs.push_back(v.data());
  var_ptrs.push_back(nullptr);
  int in = open_or_throw("/dev/null", O_RDONLY);
  int out = open_or_throw(out_path, O_WRONLY | O_CREAT | O_APPEND);
  int err = open_or_throw(err_path, O_WRONLY | O_CREAT | O_APPEND);
  pid_t parent = ::getpid();
  m_pid = ::fork();
  if (m_pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the parent died before prctl
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execve(arg_ptrs[0], arg_ptrs.data(), var_ptrs.data());
    ::_exit(127);
  }
  ::close(in);
  ::close(out);
  ::close(err);
  if (m_pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
}

ChildProcess::~ChildProcess() {
  kill();
}

std::optional<ChildExit> ChildProcess::poll() {
  if (m_exit || m_pid <= 0) return m_exit;
  int status = 0;
  if (::waitpid(m_pid, &status, WNOHANG) == m_pid) m_exit = decode(status);
  return m_exit;
}

ChildExit ChildProcess::kill() {
  if (m_exit || m_pid <= 0) return m_exit.value_or(ChildExit{});
  ::kill(m_pid, SIGKILL);
  int status = 0;
  while (::waitpid(m_pid, &status, 0) < 0 && errno == EINTR) {
  }
  m_exit = decode(status);
  return *m_exit;
}

}  // namespace roster::chaos
