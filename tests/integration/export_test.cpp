// roster export: the live team as a manifest that validates and plans to no changes.
#include <catch2/catch.hpp>

#include "live_support.hpp"
#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;

namespace {

std::string seed() {
  std::vector<test::SeedMember> members = {
      {"amy@acme.com", "active", "Amy", "Smith", "E1001"},
      {"bob@acme.com", "suspended", "Bob", "Jones"},
      {"ivy@acme.com", "invited"},
      {"zoe@acme.com", "active", "Zoë Ünal-Åberg", "O'Neil", "E 7"},
      {"old@acme.com", "removed", "Old", "Timer"},
      {"gone@acme.com", "removed", "Long", "Gone"},
      {"sam@acme.com", "active", "Sam", "", "", "user_management_admin"},
  };
  members[5].recoverable = false;  // gone@ was removed long ago
  return test::make_seed(members);
}

}  // namespace

TEST_CASE("export writes a manifest that plans to no changes against the same team",
          "[live][export]") {
  auto format = GENERATE(std::string("yaml"), std::string("json"));
  EmulatorRunner emulator(seed());
  test::TempDir dir;
  std::string path = dir.file("team." + format);
  std::map<std::string, std::string> vars{{"DROPBOX_TOKEN", emulator.token()}};
  auto exported =
      test::run_cli({"export", "-o", path, "--format", format, "--api-url", emulator.url()}, vars);
  REQUIRE(exported.code == cli::ExitCode::success);
  CHECK(exported.err == "roster: wrote 7 members to " + path + "\n");
  auto validated = test::run_cli({"validate", "-f", path}, vars);
  CHECK(validated.code == cli::ExitCode::success);
  CHECK(validated.out ==
        path + ": valid: 7 members (5 active, 1 suspended, 1 removed) in 1 file\n");
  auto plan =
      test::run_cli({"plan", "-f", path, "--detailed-exitcode", "--api-url", emulator.url()}, vars);
  CHECK(plan.code == cli::ExitCode::success);
  CHECK(plan.out.find("No changes: the team matches the manifest.") != std::string::npos);
  auto text = core::read_file(path);
  REQUIRE(text);
  CHECK(text->find("old@acme.com") != std::string::npos);   // removed, still recoverable
  CHECK(text->find("gone@acme.com") == std::string::npos);  // removed long ago: history
  CHECK(text->find("E1001") != std::string::npos);
}

TEST_CASE("export without -o writes YAML to stdout", "[live][export]") {
  EmulatorRunner emulator(seed());
  auto exported =
      test::run_cli({"export", "--api-url", emulator.url()}, {{"DROPBOX_TOKEN", emulator.token()}});
  REQUIRE(exported.code == cli::ExitCode::success);
  CHECK(exported.out.rfind("# Exported by roster ", 0) == 0);
  INFO(exported.out);
  // Roles come with members/list_v2: every active member's role is declared, admins
  // by name and everyone else through defaults.role (decision 0025).
  // Export reads groups and quotas too, so it declares them (an empty groups section:
  // the seed team has none) and plans no changes on the team it came from.
  CHECK(exported.out.find("version: 1\nteam:\n  name: Acme Corp\ndefaults:\n"
                          "  role: member_only\n  space_limit: team_default\npolicy:\n"
                          "  unmanaged: report\n  protected:\n    - admin@acme.com\n"
                          "  unmanaged_groups: report\ngroups: []\nmembers:\n") !=
        std::string::npos);
  // One line per member that fits; strings quoted only where YAML needs it.
  CHECK(exported.out.find("\n  - {email: sam@acme.com, given_name: Sam, role: "
                          "user_management_admin}\n") != std::string::npos);
  CHECK(exported.out.find("\n  - {email: bob@acme.com, given_name: Bob, surname: Jones, state: "
                          "suspended}\n") != std::string::npos);
  CHECK(exported.out.find("\n  - {email: zoe@acme.com, given_name: Zoë Ünal-Åberg, surname: "
                          "O'Neil, external_id: E 7}\n") != std::string::npos);
}
