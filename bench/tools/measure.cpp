// Runs a command and prints "wall_seconds peak_rss_kib exit_code" for it, from wait4's
// rusage (the child's own peak, not this process's). Usage: bench_measure [-q] CMD [ARGS...]
// -q sends the command's stdout and stderr to /dev/null.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <cstdio>
#include <cstring>

int main(int argc, char** argv) {
  int first = 1;
  bool quiet = argc > 1 && std::strcmp(argv[1], "-q") == 0;
  if (quiet) ++first;
  if (argc <= first) return 2;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (quiet) {
      int null = open("/dev/null", O_WRONLY);
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execvp(argv[first], argv + first);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  std::chrono::duration<double> wall = std::chrono::steady_clock::now() - start;
  std::printf("%.3f %ld %d\n", wall.count(), usage.ru_maxrss,
              WIFEXITED(status) ? WEXITSTATUS(status) : -1);
  return 0;
}
