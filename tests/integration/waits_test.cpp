// Bounded waits against roster-emulator: Retry-After caps, apply --timeout, Ctrl-C.
#include <catch2/catch.hpp>

#include "live_support.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;
using test::roster_cli;

TEST_CASE("a Retry-After longer than --max-retry-wait fails the step instead of waiting",
          "[live][waits]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}, {"b@acme.com"}}));
  emulator.fault(
      R"({"route": "team/members/suspend", "kind": "429", "count": 1, "retry_after": 3600})");
  test::TempDir dir;
  auto path = dir.write("team.yaml", R"(version: 1
policy: {max_removal_fraction: 1}
members:
  - email: admin@acme.com
  - {email: a@acme.com, state: suspended}
  - {email: b@acme.com, given_name: Bea}
)");
  auto started = std::chrono::steady_clock::now();
  auto apply =
      roster_cli(emulator, {"apply", "-f", path, "--auto-approve", "--max-retry-wait", "5s"});
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::partial);
  CHECK(apply.out.find("FAIL ~ suspend a@acme.com: rate limited by Dropbox on "
                       "team/members/suspend (429), retry after 3600 s; not retried: longer than "
                       "the 5 s roster waits at most (--max-retry-wait)") != std::string::npos);
  CHECK(emulator.calls("team/members/suspend") == 1);
  CHECK(test::member_status(emulator.state(), "a@acme.com") == "active");
}
