#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace roster::chaos {

/// One chaos run: the real `roster apply` against roster-emulator with probabilistic
/// faults on every route, SIGKILLed at random moments, then re-run until it converges.
struct ChaosConfig {
  std::uint64_t seed = 20261201;        // kill moments; print it to reproduce a failure
  int scale = 1;                        // make_scenario(scale)
  int kills = 24;                       // SIGKILLs that must land before the final runs
  int latency_ms = 2;                   // roster-emulator --latency-ms: paces a fast build
                                        // so that a kill lands near the step it aimed at
  double fault_probability = 0.03;      // for each of 500, 503, drop and 429 (Retry-After 0)
  double slow_429_probability = 0.002;  // 429 with Retry-After 1
  int final_runs = 5;                   // unkilled applies allowed to reach exit 0
  int run_timeout_seconds = 120;        // any single roster process
};

/// What happened, for the test's assertions and bench/chaos's table.
struct ChaosFigures {
  std::map<std::string, int> first_plan;  // action → steps
  int first_plan_steps = 0;
  int kills = 0;                      // roster processes ended by our SIGKILL
  int runs = 0;                       // roster apply processes started
  int kills_before_steps = 0;         // killed before the run journaled a finished step
  std::vector<int> kill_points;       // finished steps journaled by each killed run
  int final_run_steps = 0;            // planned by the first unkilled run: > 0 means every kill
                                      // landed while the plan still had work
  int final_exit = -1;                // the last apply's exit code
  int final_plan_steps = -1;          // steps in the plan after it
  std::map<std::string, int> faults;  // emulator answers: "429", "500", "503", "dropped"
  long requests = 0;                  // API calls the emulator saw
  int journal_lines = 0;
  int journal_invalid_lines = 0;
  int journal_runs = 0;           // apply_started lines
  int journal_finished_runs = 0;  // apply_finished lines
  int duplicate_invitations = 0;  // records beyond one per invited email, or not planned
  int repeated_invitations = 0;   // invites the API refused as user_already_on_team
  int steps_outside_plan = 0;     // journaled steps the first plan did not name
  int writes_beyond_plan = 0;     // successful write calls beyond the plan's count
  int bystanders = 0;             // seeded records the first plan did not name
  int bystanders_changed = 0;
  double seconds = 0;
};

struct ChaosResult {
  ChaosFigures figures;
  std::vector<std::string> problems;  // empty when every property held
};

/// Runs the whole scenario in a fresh temporary directory. Throws only when the
/// machinery fails (the emulator does not start); roster's misbehaviour is a problem.
[[nodiscard]] ChaosResult run_chaos(const ChaosConfig& config);

/// The figures as `name: value` lines, for failure messages and bench/chaos.
[[nodiscard]] std::string describe(const ChaosConfig& config, const ChaosFigures& figures);

}  // namespace roster::chaos
