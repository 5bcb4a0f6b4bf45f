// Durations on the command line (--timeout, --max-retry-wait).
#include <catch2/catch.hpp>

#include <sstream>

#include "cli/duration.hpp"
#include "cli/options.hpp"
#include "roster/cli/run.hpp"

using namespace roster::cli;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST_CASE("durations are whole numbers with units, largest unit first", "[cli]") {
  CHECK(parse_duration("90s") == seconds(90));
  CHECK(parse_duration("30m") == minutes(30));
  CHECK(parse_duration("1h") == hours(1));
  CHECK(parse_duration("1h30m") == minutes(90));
  CHECK(parse_duration("2h0m5s") == seconds(7205));
  CHECK(parse_duration("0s") == seconds(0));
  CHECK(parse_duration("100000h") == hours(100000));
  for (const char* bad :
       {"", "90", "s", "1.5h", "-5s", "+5s", "5 s", " 5s", "5s ", "5x", "1h1h", "30m1h", "1H",
        "5sec", "100001h", "99999999999999999999s", "360000001s"}) {
    INFO("\"" << bad << "\"");
    CHECK_FALSE(parse_duration(bad));
  }
  CHECK(format_duration(seconds(0)) == "0s");
  CHECK(format_duration(seconds(5400)) == "1h30m");
  CHECK(format_duration(hours(720)) == "720h");
  CHECK(format_duration(seconds(3661)) == "1h1m1s");
}

TEST_CASE("apply --timeout and --max-retry-wait take durations in range", "[cli]") {
  auto defaults = parse_options({"apply", "-f", "t.yaml"});
  REQUIRE(defaults.options);
  CHECK(defaults.options->timeout == hours(1));
  CHECK(defaults.options->max_retry_wait == minutes(5));
  auto set = parse_options({"apply", "-f", "t.yaml", "--timeout", "90s", "--max-retry-wait", "0s"});
  REQUIRE(set.options);
  CHECK(set.options->timeout == seconds(90));
  CHECK(set.options->max_retry_wait == seconds(0));
  auto global = parse_options({"--max-retry-wait", "1m", "plan", "-f", "t.yaml"});
  REQUIRE(global.options);
  CHECK(global.options->max_retry_wait == minutes(1));

  struct Bad {
    std::vector<std::string> args;
    std::string message;
  };
  const Bad bad[] = {
      {{"apply", "-f", "t.yaml", "--timeout", "90"},
       "--timeout: \"90\" is not a duration (use whole numbers with a unit, e.g. 90s, 30m, 1h "
       "or 1h30m)"},
      {{"apply", "-f", "t.yaml", "--timeout", "soon"},
       "--timeout: \"soon\" is not a duration (use whole numbers with a unit, e.g. 90s, 30m, "
       "1h or 1h30m)"},
      {{"apply", "-f", "t.yaml", "--timeout", "0s"}, "--timeout 0s is out of range (1s to 720h)"},
      {{"apply", "-f", "t.yaml", "--timeout", "721h"},
       "--timeout 721h is out of range (1s to 720h)"},
      {{"plan", "-f", "t.yaml", "--max-retry-wait", "25h"},
       "--max-retry-wait 25h is out of range (0s to 24h)"},
      {{"plan", "-f", "t.yaml", "--max-retry-wait", "-1s"},
       "--max-retry-wait: \"-1s\" is not a duration (use whole numbers with a unit, e.g. 90s, "
       "30m, 1h or 1h30m)"},
  };
  for (const auto& b : bad) {
    auto parsed = parse_options(b.args);
    INFO(b.message);
    CHECK(parsed.is_error);
    CHECK(parsed.output == b.message);
  }
  CHECK(parse_options({"plan", "-f", "t.yaml", "--timeout", "1h"}).is_error);  // apply only
}

TEST_CASE("a bad --timeout is a usage error: one line, exit 1, nothing else done", "[cli]") {
  std::istringstream in;
  std::ostringstream out, err;
  roster::cli::Environment env{
      in, out, err, false, false, [](const char*) { return std::string(); }, [] { return 0; }};
  auto code = roster::cli::run({"apply", "-f", "team.yaml", "--timeout", "1.5h"}, env);
  CHECK(code == ExitCode::error);
  CHECK(out.str().empty());
  CHECK(err.str() ==
        "roster: error: --timeout: \"1.5h\" is not a duration (use whole numbers with a unit, "
        "e.g. 90s, 30m, 1h or 1h30m) (see 'roster --help')\n");
}
