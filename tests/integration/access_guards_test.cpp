// The guards of issue 9 against roster-emulator, through the real client: demoting the last
// team admin, the token's own admin or too many admins is refused before anything is
// written; a reviewed override lets the same plan through.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "live_support.hpp"
#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"
#include "support/process.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;

namespace {

// The role the emulator's state holds for `email` ("member_only" when none).
std::string role_of(EmulatorRunner& emulator, const std::string& email) {
  auto state = emulator.state();
  for (const auto& m : state.find("members")->as_array()) {
    const auto* e = m.find("email");
    if (e == nullptr || e->as_string() != email) continue;
    const auto* r = m.find("role");
    return r != nullptr && r->is_string() ? r->as_string() : "member_only";
  }
  return "";
}

int writes(EmulatorRunner& emulator) {
  return emulator.calls("team/members/set_admin_permissions_v2") +
         emulator.calls("team/members/remove") + emulator.calls("team/members/suspend");
}

std::string manifest(test::TempDir& dir, const std::string& members) {
  return dir.write("team.yaml",
                   "version: 1\nteam: {name: Acme Corp}\n"
                   "policy: {max_removal_fraction: 1.0}\nmembers:\n" +
                       members);
}

}  // namespace

TEST_CASE("demoting the only team admin, who owns the token, is refused unsent", "[live][access]") {
  EmulatorRunner emulator(test::make_seed({}, "admin@acme.com", "Acme Corp"));
  test::TempDir dir;
  auto path = manifest(dir, "  - {email: admin@acme.com, role: member_only}\n");

  auto plan = test::roster_cli(emulator, {"plan", "-f", path});
  CHECK(plan.code == cli::ExitCode::refused);
  CHECK(plan.out.find("REFUSED last_admin: the plan suspends, removes or demotes every active "
                      "team admin (1); at least one must remain") != std::string::npos);
  CHECK(plan.out.find("REFUSED token_admin: the plan would demote admin@acme.com, the admin "
                      "whose token roster uses") != std::string::npos);
  auto apply = test::roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  CHECK(apply.code == cli::ExitCode::refused);
  CHECK(writes(emulator) == 0);
  CHECK(role_of(emulator, "admin@acme.com") == "team_admin");
}

TEST_CASE(
    "max_demotions refuses a plan that demotes too many admins - --max-demotions lets "
    "the reviewed one through",
    "[live][access]") {
  EmulatorRunner emulator(
      test::make_seed({{"sue@acme.com", "active", "", "", "", "support_admin"},
                       {"bill@acme.com", "active", "", "", "", "billing_admin"},
                       {"rex@acme.com", "active", "", "", "", "reporting_admin"}},
                      "admin@acme.com", "Acme Corp"));
  test::TempDir dir;
  auto path = manifest(dir,
                       "  - {email: admin@acme.com, role: team_admin}\n"
                       "  - {email: sue@acme.com, role: member_only}\n"
                       "  - {email: bill@acme.com, role: member_only}\n"
                       "  - {email: rex@acme.com, role: reporting_admin}\n");

  auto refused = test::roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  CHECK(refused.code == cli::ExitCode::refused);
  CHECK(refused.err ==
        "roster: error: plan refused by safety guard max_demotions: demotes 2 of 4 admins; "
        "max(1, 10% of admins) allows 1\n");
  CHECK(writes(emulator) == 0);

  auto applied =
      test::roster_cli(emulator, {"apply", "-f", path, "--auto-approve", "--max-demotions", "2"});
  INFO(applied.out << applied.err);
  CHECK(applied.code == cli::ExitCode::success);
  CHECK(emulator.calls("team/members/set_admin_permissions_v2") == 2);
  CHECK(role_of(emulator, "sue@acme.com") == "member_only");
  CHECK(role_of(emulator, "bill@acme.com") == "member_only");
  CHECK(role_of(emulator, "rex@acme.com") == "reporting_admin");
  auto after = test::roster_cli(emulator, {"plan", "-f", path, "--detailed-exitcode"});
  CHECK(after.code == cli::ExitCode::success);
}

TEST_CASE(
    "a role that differs on the team is a change the nightly check reports, and a "
    "leaving admin loses the role before the removal",
    "[live][access]") {
  EmulatorRunner emulator(test::make_seed(
      {{"sue@acme.com", "active"}, {"bill@acme.com", "active", "", "", "", "billing_admin"}},
      "admin@acme.com", "Acme Corp"));
  test::TempDir dir;
  auto path = manifest(dir,
                       "  - {email: admin@acme.com}\n"
                       "  - {email: sue@acme.com, role: support_admin}\n"
                       "  - {email: bill@acme.com, state: removed}\n");
  auto drift = test::roster_cli(emulator, {"plan", "-f", path, "--detailed-exitcode"});
  CHECK(drift.code == cli::ExitCode::changes);
  CHECK(std::regex_search(drift.out, std::regex("! set role +sue@acme\\.com")));
  CHECK(std::regex_search(drift.out, std::regex("! revoke role +bill@acme\\.com")));

  auto applied = test::roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  INFO(applied.out << applied.err);
  CHECK(applied.code == cli::ExitCode::success);
  CHECK(role_of(emulator, "sue@acme.com") == "support_admin");
  CHECK(test::member_status(emulator.state(), "bill@acme.com") == "removed");
  // The journal shows the order: the revoke finished before the removal was sent.
  auto journal = core::read_file(emulator.dir().file("journal.jsonl"));
  REQUIRE(journal);
  int line = 0, revoke_done = -1, remove_sent = -1;
  std::istringstream lines(*journal);
  for (std::string text; std::getline(lines, text); ++line) {
    if (text.find("bill@acme.com") == std::string::npos) continue;
    if (text.find(R"("event":"step_finished")") != std::string::npos &&
        text.find(R"("action":"revoke_role")") != std::string::npos) {
      revoke_done = line;
    }
    if (text.find(R"("event":"step_started")") != std::string::npos &&
        text.find(R"("action":"remove")") != std::string::npos) {
      remove_sent = line;
    }
  }
  CHECK(revoke_done >= 0);
  CHECK(remove_sent > revoke_done);
}

TEST_CASE("a suspended member declared active with a role is unsuspended before the role is set",
          "[live][access]") {
  // Dropbox refuses permissions for a suspended member (cannot_set_permissions): the
  // order of the plan is what makes this apply succeed.
  EmulatorRunner emulator(
      test::make_seed({{"sue@acme.com", "suspended"}}, "admin@acme.com", "Acme Corp"));
  test::TempDir dir;
  auto path = manifest(dir,
                       "  - {email: admin@acme.com}\n"
                       "  - {email: sue@acme.com, role: support_admin}\n");
  auto applied = test::roster_cli(emulator, {"apply", "-f", path, "--auto-approve"});
  INFO(applied.out << applied.err);
  CHECK(applied.code == cli::ExitCode::success);
  CHECK(test::member_status(emulator.state(), "sue@acme.com") == "active");
  CHECK(role_of(emulator, "sue@acme.com") == "support_admin");
  CHECK(emulator.calls("team/members/unsuspend") == 1);
  CHECK(emulator.calls("team/members/set_admin_permissions_v2") == 1);
}
