// A stand-in for a test process, for child_lifetime_test.cpp: it starts a child through
// the test support code, reports the child's pid, then waits to be killed.
//   child_lifetime_parent emulator        prints the emulator's pid on stdout
//   child_lifetime_parent process FILE    runs a shell through run_process; the shell
//                                         writes its pid to FILE, then sleeps
#include <unistd.h>

#include <iostream>
#include <string>

#include "support/emulator_runner.hpp"
#include "support/process.hpp"

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "emulator") {
    roster::test::EmulatorRunner emulator("");
    std::cout << emulator.pid() << std::endl;
    for (;;)
      ::pause();
  }
  if (mode == "process" && argc > 2) {
    const std::string file = argv[2];
    roster::test::run_process(
        {"/bin/sh", "-c",
         "echo $$ > '" + file + ".tmp' && mv '" + file + ".tmp' '" + file + "' && exec sleep 600"});
    return 0;
  }
  std::cerr << "usage: child_lifetime_parent emulator | process FILE\n";
  return 2;
}
