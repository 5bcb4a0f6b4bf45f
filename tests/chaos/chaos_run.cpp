// The chaos run: faults on every route, roster SIGKILLed at random moments, re-run until
// it converges; then the checks of chaos_checks.hpp on what it left behind.
#include "chaos_run.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <chrono>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <thread>

#include "chaos_checks.hpp"
#include "child_process.hpp"
#include "roster/core/file.hpp"
#include "scenario.hpp"
#include "support/emulator_runner.hpp"
#include "support/process.hpp"
#include "support/raw_http.hpp"

namespace roster::chaos {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// Follows the journal while one roster process runs: its planned and finished steps.
class JournalTail {
 public:
  explicit JournalTail(std::string path) : m_path(std::move(path)) {
    std::ifstream in(m_path, std::ios::binary | std::ios::ate);
    if (in) m_offset = static_cast<std::streamoff>(in.tellg());
  }

  void poll() {
    std::ifstream in(m_path, std::ios::binary);
    if (!in) return;
    in.seekg(m_offset);
    std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    m_offset += static_cast<std::streamoff>(chunk.size());
    m_partial += chunk;
    for (auto end = m_partial.find('\n'); end != std::string::npos; end = m_partial.find('\n')) {
      auto entry = nlohmann::json::parse(m_partial.substr(0, end), nullptr, false);
      m_partial.erase(0, end + 1);
      if (!entry.is_object()) continue;  // check_journal reports it
      auto event = entry.value("event", "");
      if (event == "apply_started") m_steps = entry.value("steps", 0);
      if (event == "step_finished") ++m_finished;
    }
  }

  [[nodiscard]] std::optional<int> planned_steps() const { return m_steps; }
  [[nodiscard]] int finished_steps() const { return m_finished; }

 private:
  std::string m_path;
  std::streamoff m_offset = 0;
  std::string m_partial;
  std::optional<int> m_steps;
  int m_finished = 0;
};

// When to kill one run: once it has finished a share of its planned steps (then a little
// later, so the kill lands between journal lines), or after a delay from its start if that
// comes first (a kill while roster reads the team or plans).
struct KillMoment {
  bool by_time = false;
  milliseconds delay{0};
  // Of planned steps / (kills left + 10): on average a run does 1/(2 × (kills left + 10)) of
  // what is left before its kill, so work remains for every kill and for the final run even
  // when a fast build overshoots the mark by tens of steps before the kill lands.
  double share = 0;
  milliseconds extra{0};
};

KillMoment draw_kill(std::mt19937_64& random) {
  KillMoment k;
  k.by_time = std::uniform_real_distribution<double>(0, 1)(random) < 0.3;
  k.delay = milliseconds(std::uniform_int_distribution<int>(0, 400)(random));
  k.share = std::uniform_real_distribution<double>(0, 1)(random);
  k.extra = milliseconds(std::uniform_int_distribution<int>(0, 5)(random));
  return k;
}

struct RunEnd {
  ChildExit exit;
  std::optional<int> planned_steps;  // from the run's apply_started line
  int finished_steps = 0;
  bool timed_out = false;
};

class Chaos {
 public:
  Chaos(const ChaosConfig& config, const Scenario& scenario)
      : m_config(config),
        m_random(config.seed),
        m_emulator(scenario.seed_json, "chaos-token",
                   {"--latency-ms", std::to_string(config.latency_ms)}),
        m_manifest(m_emulator.dir().write("team.yaml", scenario.manifest_yaml)),
        m_journal(m_emulator.dir().file("journal.jsonl")) {}

  ChaosResult run();

 private:
  std::string admin(const std::string& path) {
    return test::raw_http(m_emulator.port(), "GET", path).body;
  }
  std::string plan_json();
  void inject_faults();
  RunEnd apply(const std::optional<KillMoment>& kill);
  void note_unkilled(const RunEnd& end);

  const ChaosConfig& m_config;
  std::mt19937_64 m_random;
  test::EmulatorRunner m_emulator;
  std::string m_manifest;
  std::string m_journal;
  ChaosResult m_result;
};

std::string Chaos::plan_json() {
  auto r = test::run_process(
      {ROSTER_BINARY, "plan", "-f", m_manifest, "--format", "json", "--api-url", m_emulator.url()},
      {{"DROPBOX_TOKEN", m_emulator.token()}});
  if (r.exit_code != 0)
    m_result.problems.push_back(fmt::format("roster plan exited {}: {}", r.exit_code, r.err));
  return r.out;
}

void Chaos::inject_faults() {
  double p = m_config.fault_probability;
  m_emulator.fault(fmt::format(
      R"({{"faults": [{{"kind": "500", "probability": {0}}}, {{"kind": "503", "probability": {0}}},
          {{"kind": "drop", "probability": {0}}},
          {{"kind": "429", "probability": {0}, "retry_after": 0}},
          {{"kind": "429", "probability": {1}, "retry_after": 1}}]}})",
      p, m_config.slow_429_probability));
}

RunEnd Chaos::apply(const std::optional<KillMoment>& kill) {
  const auto& dir = m_emulator.dir();
  JournalTail tail(m_journal);
  ChildProcess roster({ROSTER_BINARY, "apply", "-f", m_manifest, "--auto-approve", "--api-url",
                       m_emulator.url(), "--journal", m_journal},
                      {{"DROPBOX_TOKEN", m_emulator.token()}}, dir.file("roster.out"),
                      dir.file("roster.err"));
  ++m_result.figures.runs;
  const auto start = Clock::now();
  const auto deadline = start + std::chrono::seconds(m_config.run_timeout_seconds);
  int kills_left = m_config.kills - m_result.figures.kills;
  std::optional<Clock::time_point> kill_at;
  if (kill && kill->by_time) kill_at = start + kill->delay;
  bool step_mark_reached = false;
  while (true) {
    tail.poll();
    if (auto exit = roster.poll()) return {*exit, tail.planned_steps(), tail.finished_steps()};
    auto now = Clock::now();
    if (now > deadline) return {roster.kill(), tail.planned_steps(), tail.finished_steps(), true};
    // A kill by time is also due at its share of steps, so that a slow start followed by a
    // fast run cannot drain the plan before the other kills land.
    if (kill && !step_mark_reached && tail.planned_steps()) {
      int target = static_cast<int>(kill->share * *tail.planned_steps() / (kills_left + 10));
      if (tail.finished_steps() >= std::max(1, target)) {
        step_mark_reached = true;
        if (!kill_at || now + kill->extra < *kill_at) kill_at = now + kill->extra;
      }
    }
    if (kill_at && now >= *kill_at)
      return {roster.kill(), tail.planned_steps(), tail.finished_steps()};
    std::this_thread::sleep_for(milliseconds(2));
  }
}

// A run that ended by itself must have applied everything (0) or reported failed steps (4).
void Chaos::note_unkilled(const RunEnd& end) {
  if (end.timed_out) {
    m_result.problems.push_back(
        fmt::format("roster apply did not finish within {} s", m_config.run_timeout_seconds));
  } else if (end.exit.killed || (end.exit.code != 0 && end.exit.code != 4)) {
    auto err = core::read_file(m_emulator.dir().file("roster.err"));
    // Its head says what went wrong (a sanitizer names the error first), its tail where.
    std::string text = err ? *err : "";
    if (text.size() > 8000)
      text = text.substr(0, 6000) + "\n[...]\n" + text.substr(text.size() - 2000);
    m_result.problems.push_back(fmt::format("roster apply {} {}; its stderr:\n{}",
                                            end.exit.killed ? "died of signal" : "exited",
                                            end.exit.code, text));
  }
}

ChaosResult Chaos::run() {
  auto& f = m_result.figures;
  const auto start = Clock::now();
  PlannedSteps planned = read_plan(plan_json(), m_result.problems);
  f.first_plan = planned.by_action;
  f.first_plan_steps = planned.total;
  const std::string before = admin("/_emulator/state");
  inject_faults();
  while (f.kills < m_config.kills && f.runs < 3 * m_config.kills + 10) {
    auto end = apply(draw_kill(m_random));
    if (end.exit.killed && end.exit.code == SIGKILL && !end.timed_out) {
      ++f.kills;
      f.kills_before_steps += end.finished_steps == 0 ? 1 : 0;
      f.kill_points.push_back(end.finished_steps);
    } else {
      note_unkilled(end);
    }
  }
  for (int i = 0; i < m_config.final_runs && f.final_exit != 0; ++i) {
    auto end = apply(std::nullopt);
    note_unkilled(end);
    if (i == 0) f.final_run_steps = end.planned_steps.value_or(0);
    f.final_exit = end.exit.killed ? -1 : end.exit.code;
  }
  auto after_plan = read_plan(plan_json(), m_result.problems);
  f.final_plan_steps = after_plan.total;
  f.seconds = std::chrono::duration<double>(Clock::now() - start).count();

  if (f.kills < m_config.kills) m_result.problems.push_back("fewer kills landed than asked");
  if (f.final_exit != 0) m_result.problems.push_back("the final apply did not exit 0");
  if (f.final_plan_steps != 0) m_result.problems.push_back("the final plan still has steps");
  auto journal = core::read_file(m_journal);
  check_journal(journal ? *journal : "", planned, f, m_result.problems);
  check_records(before, admin("/_emulator/state"), planned, f, m_result.problems);
  check_writes(admin("/_emulator/stats"), planned, f, m_result.problems);
  return std::move(m_result);
}

}  // namespace

ChaosResult run_chaos(const ChaosConfig& config) {
  Scenario scenario = make_scenario(config.scale);
  Chaos chaos(config, scenario);
  auto result = chaos.run();
  if (result.figures.first_plan != scenario.expected_steps)
    result.problems.push_back("the first plan is not the scenario's mix of steps");
  if (result.figures.bystanders != scenario.bystanders) {
    result.problems.push_back(fmt::format("{} bystanders, the scenario seeds {}",
                                          result.figures.bystanders, scenario.bystanders));
  }
  return result;
}

std::string describe(const ChaosConfig& config, const ChaosFigures& f) {
  auto fault = [&f](const char* status) {
    auto it = f.faults.find(status);
    return it == f.faults.end() ? 0 : it->second;
  };
  std::string steps;
  for (const auto& [action, count] : f.first_plan)
    steps += fmt::format("{}{} {}", steps.empty() ? "" : ", ", count, action);
  std::string out;
  auto line = [&out](fmt::string_view name, fmt::string_view format, auto&&... args) {
    fmt::format_to(std::back_inserter(out), "{}: ", name);
    fmt::vformat_to(std::back_inserter(out), format, fmt::make_format_args(args...));
    out += '\n';
  };
  line("seed", "{}", config.seed);
  line("scale", "{}", config.scale);
  line("latency_ms", "{}", config.latency_ms);
  line("first plan", "{} steps ({})", f.first_plan_steps, steps);
  line("roster apply runs", "{}", f.runs);
  line("SIGKILLs", "{} ({} before the run finished a step; steps finished by each killed run: {})",
       f.kills, f.kills_before_steps, fmt::join(f.kill_points, " "));
  line("steps left for the first unkilled run", "{}", f.final_run_steps);
  line("final apply exit", "{}", f.final_exit);
  line("final plan steps", "{}", f.final_plan_steps);
  line("API requests", "{}", f.requests);
  line("faults", "429 {}, 500 {}, 503 {}, dropped {}", fault("429"), fault("500"), fault("503"),
       fault("dropped"));
  line("journal", "{} lines, {} invalid, {} runs started, {} finished", f.journal_lines,
       f.journal_invalid_lines, f.journal_runs, f.journal_finished_runs);
  line("duplicate invitations", "{}", f.duplicate_invitations);
  line("repeated invitations", "{}", f.repeated_invitations);
  line("steps outside the plan", "{}", f.steps_outside_plan);
  line("writes beyond the plan", "{}", f.writes_beyond_plan);
  line("bystanders", "{}, changed: {}", f.bystanders, f.bystanders_changed);
  line("seconds", "{:.1f}", f.seconds);
  return out;
}

}  // namespace roster::chaos
