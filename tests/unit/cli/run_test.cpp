// Commands run in-process with captured streams, a fixed clock and no TTY.
#include <catch2/catch.hpp>

#include <sstream>

#include "roster/cli/run.hpp"
#include "roster/model/observed.hpp"
#include "support/cli_run.hpp"
#include "support/golden.hpp"

using namespace roster;

namespace {

test::CliRun run(const std::vector<std::string>& args, bool tty = false,
                 const std::string& no_color = "") {
  return test::run_cli(args, {{"NO_COLOR", no_color}}, "", false, tty);
}

const std::string k_example = test::test_path("../manifests/example.yaml");
const std::string k_observed = test::test_path("../manifests/demo/observed.json");

}  // namespace

TEST_CASE("roster plan prints the demo plan and exits 0, or 2 with --detailed-exitcode", "[cli]") {
  auto r = run({"plan", "-f", k_example, "--observed", k_observed});
  CHECK(r.code == cli::ExitCode::success);
  CHECK(r.err.empty());
  CHECK(test::compare_golden("plan_demo.human.txt", r.out) == "");
  CHECK(run({"plan", "-f", k_example, "--observed", k_observed, "--detailed-exitcode"}).code ==
        cli::ExitCode::changes);
}

TEST_CASE("colour appears only on a TTY without NO_COLOR", "[cli]") {
  auto plain = run({"plan", "-f", k_example, "--observed", k_observed}, false);
  auto tty = run({"plan", "-f", k_example, "--observed", k_observed}, true);
  auto no_color = run({"plan", "-f", k_example, "--observed", k_observed}, true, "1");
  CHECK(plain.out.find("\x1b[") == std::string::npos);
  CHECK(tty.out.find("\x1b[") != std::string::npos);
  CHECK(no_color.out.find("\x1b[") == std::string::npos);
}

TEST_CASE("a refused plan exits 3 and names the guard on stderr", "[cli]") {
  auto r =
      run({"plan", "-f", k_example, "--observed", k_observed, "--max-removal-fraction", "0.1"});
  CHECK(r.code == cli::ExitCode::refused);
  CHECK(r.err ==
        "roster: error: plan refused by safety guard removal_fraction: suspends or removes 5 of "
        "15 live members (33.3%); max_removal_fraction 0.1 allows 1; deletes 0 of 4 groups, allows "
        "0\n");
}

TEST_CASE("roster validate reports success on stdout and errors on stderr", "[cli]") {
  auto ok = run({"validate", "-f", k_example});
  CHECK(ok.code == cli::ExitCode::success);
  CHECK(ok.out ==
        k_example + ": valid: 22 members (10 active, 6 suspended, 6 removed) in 1 file\n");
  auto bad = run({"validate", "-f", test::test_path("fixtures/manifests/typo.yaml")});
  CHECK(bad.code == cli::ExitCode::error);
  CHECK(bad.out.empty());
  CHECK(bad.err == test::test_path("fixtures/manifests/typo.yaml") +
                       ":7:5: error: unknown key \"stat\" in member (did you mean \"state\"?)\n");
}

TEST_CASE("usage errors exit 1 with one line, help and version exit 0", "[cli]") {
  auto r = run({"plan"});
  CHECK(r.code == cli::ExitCode::error);
  CHECK(r.err == "roster: error: --file is required (see 'roster --help')\n");
  auto v = run({"version"});
  CHECK(v.code == cli::ExitCode::success);
  CHECK(v.out == "roster " ROSTER_TEST_VERSION "\n");
  CHECK(run({"--version"}).out == v.out);
  CHECK(run({"plan", "--help"}).code == cli::ExitCode::success);
}

TEST_CASE("roster plan --detailed-exitcode exits 2 on drift, but not for pending invitations",
          "[cli]") {
  const std::string manifest = test::test_path("fixtures/manifests/in_sync.yaml");
  auto invited =
      run({"plan", "-f", test::test_path("fixtures/manifests/in_sync_pending.yaml"), "--observed",
           test::test_path("fixtures/snapshots/pending_invite.json"), "--detailed-exitcode"});
  CHECK(invited.code == cli::ExitCode::success);
  CHECK(invited.out.find("? new@acme.com: invited 6 days ago, has not joined yet") !=
        std::string::npos);
  auto unmanaged =
      run({"plan", "-f", manifest, "--observed",
           test::test_path("fixtures/snapshots/unmanaged.json"), "--detailed-exitcode"});
  CHECK(unmanaged.code == cli::ExitCode::changes);
  CHECK(unmanaged.out.find("No changes: the team matches the manifest.") != std::string::npos);
  CHECK(unmanaged.out.find("? ray@acme.com: active on the team, not in the manifest") !=
        std::string::npos);
  CHECK(unmanaged.out.find("? old@acme.com: removed outside roster") != std::string::npos);
}

TEST_CASE("bad time values in a manifest exit 1 with every problem located", "[cli][time]") {
  const auto path = test::test_path("fixtures/manifests/bad_lifecycle.yaml");
  auto bad = run({"plan", "-f", path, "--observed", k_observed});
  CHECK(bad.code == cli::ExitCode::error);
  CHECK(bad.out.empty());
  CHECK(bad.err == path +
                       ":3:34: error: \"defaults.remove.after_suspended_days\" must be a whole "
                       "number of days from 0 to 3650, found \"4000\"\n" +
                       path +
                       ":5:59: error: policy.invitations.cancel_after_days (7) must be greater "
                       "than resend_after_days (30): an invitation is resent before it is "
                       "cancelled\n");
}
