#include <exception>
#include <iostream>

#include "roster/cli/run.hpp"

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto env = roster::cli::process_environment();
    return static_cast<int>(roster::cli::run(args, env));
  } catch (const std::exception& e) {
    std::cerr << "roster: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "roster: internal error\n";
  }
  return 1;
}
