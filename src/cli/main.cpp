#include <exception>
#include <iostream>

#include "roster/cli/run.hpp"
#include "signals.hpp"

int main(int argc, char** argv) {
  try {
    // First, while this is the only thread: every later thread blocks SIGINT and SIGTERM.
    auto& signals = roster::cli::SignalRelay::start();
    std::vector<std::string> args(argv + 1, argv + argc);
    auto env = roster::cli::process_environment(&signals);
    return static_cast<int>(roster::cli::run(args, env));
  } catch (const std::exception& e) {
    std::cerr << "roster: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "roster: internal error\n";
  }
  return 1;
}
