// Children started by a test die with it (tests/support/process.hpp): a test that crashes
// or is killed fails at once instead of leaving an emulator behind and CTest waiting.
#include <catch2/catch.hpp>

#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <string>
#include <thread>

#include "support/emulator_runner.hpp"
#include "support/process.hpp"

namespace roster::test {
namespace {

using namespace std::chrono_literals;

// While alive, this process adopts orphaned descendants, so that it can reap them and
// see how they ended.
class Subreaper {
 public:
  Subreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 1); }
  ~Subreaper() { ::prctl(PR_SET_CHILD_SUBREAPER, 0); }
  Subreaper(const Subreaper&) = delete;
  Subreaper& operator=(const Subreaper&) = delete;
};

// Waits up to `limit` for the adopted `pid` to end; returns its wait status, or -1 when
// it is still running (it is then killed, so the test leaves nothing behind).
int wait_for_orphan(pid_t pid, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid, &status, WNOHANG) == pid) return status;
    std::this_thread::sleep_for(10ms);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return -1;
}

std::string read_line(int fd) {
  std::string line;
  char c = 0;
  pollfd ready{fd, POLLIN, 0};
  while (::poll(&ready, 1, 10000) > 0 && ::read(fd, &c, 1) == 1 && c != '\n')
    line += c;
  return line;
}

void kill_and_reap(pid_t pid) {
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
}

}  // namespace

TEST_CASE("an emulator started by a test is killed when the test process is killed", "[process]") {
  Subreaper subreaper;
  int out[2];
  REQUIRE(::pipe(out) == 0);
  ChildStdio stdio;
  stdio.out = out[1];
  pid_t parent = spawn_child({CHILD_LIFETIME_PARENT, "emulator"}, environment_with({}), stdio);
  ::close(out[1]);
  const std::string line = read_line(out[0]);
  ::close(out[0]);
  REQUIRE(!line.empty());
  const pid_t emulator = std::stoi(line);
  REQUIRE(::kill(emulator, 0) == 0);

  kill_and_reap(parent);
  const int status = wait_for_orphan(emulator, 2s);
  REQUIRE(status != -1);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
}

TEST_CASE("a program run by a test is killed when the test process is killed", "[process]") {
  Subreaper subreaper;
  TempDir dir;
  const std::string pid_file = dir.file("child.pid");
  pid_t parent = spawn_child({CHILD_LIFETIME_PARENT, "process", pid_file}, environment_with({}));
  std::string line;
  for (int i = 0; i < 1000 && line.empty(); ++i) {
    std::this_thread::sleep_for(10ms);
    std::ifstream(pid_file) >> line;
  }
  REQUIRE(!line.empty());
  const pid_t child = std::stoi(line);

  kill_and_reap(parent);
  const int status = wait_for_orphan(child, 2s);
  REQUIRE(status != -1);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
}

TEST_CASE("a program that cannot be started is reported, not run", "[process]") {
  CHECK_THROWS_WITH(spawn_child({"/nonexistent/roster"}, environment_with({})),
                    "cannot start /nonexistent/roster: No such file or directory");
}

}  // namespace roster::test
