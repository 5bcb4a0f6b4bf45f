// bench/chaos: the chaos run of tests/chaos, longer (more kills, more steps, latency).
// Prints the figures as `name: value` lines and every problem; exits 1 on a problem.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "chaos_run.hpp"

namespace {

int usage() {
  std::cerr << "usage: chaos_bench [--seed N] [--scale N] [--kills N] [--latency-ms N]\n"
               "                   [--fault-probability P] [--slow-429-probability P]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  roster::chaos::ChaosConfig config;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    const char* value = argv[i + 1];
    if (flag == "--seed") {
      config.seed = std::strtoull(value, nullptr, 10);
    } else if (flag == "--scale") {
      config.scale = std::atoi(value);
    } else if (flag == "--kills") {
      config.kills = std::atoi(value);
    } else if (flag == "--latency-ms") {
      config.latency_ms = std::atoi(value);
    } else if (flag == "--fault-probability") {
      config.fault_probability = std::strtod(value, nullptr);
    } else if (flag == "--slow-429-probability") {
      config.slow_429_probability = std::strtod(value, nullptr);
    } else {
      return usage();
    }
  }
  if (argc % 2 == 0 || config.scale < 1 || config.kills < 0) return usage();
  auto result = roster::chaos::run_chaos(config);
  std::cout << roster::chaos::describe(config, result.figures);
  for (const auto& problem : result.problems)
    std::cout << "problem: " << problem << "\n";
  return result.problems.empty() ? 0 : 1;
}
