// Found by the chaos run (bench/chaos, seed 1002): a roster apply SIGKILLed inside the
// write(2) of a journal line left part of it, and the next apply appended its first line
// to that fragment, so the journal had a line that was not JSON and a run whose lines
// named a run_id that never started.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"
#include "support/process.hpp"
#include "support/seed.hpp"

using namespace roster;

TEST_CASE("an apply after one killed mid-line drops the fragment and journals whole lines",
          "[chaos][journal]") {
  test::EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  const std::string complete =
      R"({"time":"2026-11-30T08:29:03Z","event":"apply_started","run_id":"killed"})";
  const std::string journal = emulator.dir().write(
      "journal.jsonl", complete + "\n" + R"({"time":"2026-11-30T08:29:03Z","event":"step_st)");
  const std::string manifest = emulator.dir().write(
      "team.yaml",
      "version: 1\nmembers:\n  - email: admin@acme.com\n  - email: a@acme.com\n"
      "  - email: new@acme.com\n");

  auto apply = test::run_process({ROSTER_BINARY, "apply", "-f", manifest, "--auto-approve",
                                  "--api-url", emulator.url(), "--journal", journal},
                                 {{"DROPBOX_TOKEN", emulator.token()}});
  REQUIRE(apply.exit_code == 0);

  auto text = core::read_file(journal);
  REQUIRE(text);
  std::istringstream lines(*text);
  std::string line;
  std::vector<std::string> events;
  while (std::getline(lines, line)) {
    INFO(line);
    auto entry = nlohmann::json::parse(line, nullptr, false);
    REQUIRE(entry.is_object());
    events.push_back(entry.value("event", ""));
  }
  CHECK(text->rfind(complete + "\n", 0) == 0);
  CHECK(events == std::vector<std::string>{"apply_started", "apply_started", "step_started",
                                           "step_finished", "apply_finished"});
}
