// Saved plans and guards judge the team they are applied to (issue 8 §1, decision 0009):
// team identity from snapshots, last_admin and token_admin re-checked at apply time.
#include <catch2/catch.hpp>

#include "live_support.hpp"
#include "roster/core/json.hpp"
#include "support/emulator_runner.hpp"
#include "support/raw_http.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;

namespace {

int total_calls(EmulatorRunner& emulator) {
  double total = 0;
  const auto stats = emulator.stats();  // the loop reads into it: keep it alive
  for (const auto& [route, n] : stats.find("calls")->as_object())
    total += n.as_number();
  return static_cast<int>(total);
}

// One call of the team API as an admin in the console (or a script) would make it.
std::string call(EmulatorRunner& emulator, const std::string& route, const std::string& body) {
  auto reply = test::raw_http(emulator.port(), "POST", "/2/team/" + route, body,
                              "Authorization: Bearer " + emulator.token() + "\r\n");
  INFO(route << ": " << reply.body);
  REQUIRE(reply.status == 200);
  return reply.body;
}

// What `plan --observed` reads: the list_v2 pages plus the team's facts, as Dropbox sends them.
std::string snapshot_of(EmulatorRunner& emulator, bool with_team_facts) {
  std::string members = call(emulator, "members/list_v2", R"({"include_removed": true})");
  core::json::Value page;
  std::string error;
  REQUIRE(core::json::parse(members, page, error));
  REQUIRE_FALSE(page.find("has_more")->as_bool());
  auto at = members.find("\"members\"");
  auto end = members.rfind(']');
  std::string list = members.substr(at, end - at + 1);
  if (!with_team_facts) return "{" + list + "}";
  return "{\"team_info\": " + call(emulator, "get_info", "null") +
         ", \"authenticated_admin\": " + call(emulator, "token/get_authenticated_admin", "null") +
         ", \"available_roles\": " +
         call(emulator, "members/get_available_team_member_roles", "null") + ", " + list + "}";
}

const char* k_manifest = R"(version: 1
team: {name: Acme Corp}
policy: {max_removal_fraction: 1.0}
members:
  - email: admin@acme.com
  - {email: boss@acme.com, state: removed}
)";

struct Fixture {
  EmulatorRunner emulator{test::make_seed({{"boss@acme.com", "active", "", "", "", "team_admin"}},
                                          "admin@acme.com", "Acme Corp")};
  test::TempDir dir;
  std::string manifest = dir.write("team.yaml", k_manifest);
  std::string plan_file = dir.file("team.plan");

  test::CliRun roster(std::vector<std::string> args) {
    args.insert(args.end(), {"--api-url", emulator.url()});
    if (args[0] == "apply") args.insert(args.end(), {"--journal", dir.file("journal.jsonl")});
    return test::run_cli(args, {{"DROPBOX_TOKEN", emulator.token()}});
  }
};

}  // namespace

TEST_CASE("a plan made offline from a snapshot without team identity is refused unsent",
          "[live][identity]") {
  Fixture f;
  std::string snapshot = f.dir.write("team.json", snapshot_of(f.emulator, false));
  auto plan =
      test::run_cli({"plan", "-f", f.manifest, "--observed", snapshot, "--out", f.plan_file}, {});
  INFO(plan.out << plan.err);
  REQUIRE(plan.code == cli::ExitCode::success);
  int before = total_calls(f.emulator);
  auto apply = f.roster({"apply", f.plan_file});
  CHECK(apply.code == cli::ExitCode::refused);
  CHECK(apply.err ==
        "roster: error: " + f.plan_file +
            " records no team identity (it was planned offline from a snapshot without "
            "team_info), so it cannot be applied to a live team; nothing was changed. Plan live, "
            "or from a snapshot that records team_info\n");
  CHECK(total_calls(f.emulator) == before);  // refused before any request
  CHECK(test::member_status(f.emulator.state(), "boss@acme.com") == "active");
}

TEST_CASE("a snapshot with the team's facts checks them offline, and its plan applies",
          "[live][identity]") {
  Fixture f;
  std::string snapshot = f.dir.write("team.json", snapshot_of(f.emulator, true));
  auto plan =
      test::run_cli({"plan", "-f", f.manifest, "--observed", snapshot, "--out", f.plan_file}, {});
  INFO(plan.out << plan.err);
  REQUIRE(plan.code == cli::ExitCode::success);
  CHECK(plan.out.find("ok team_name: team \"Acme Corp\" matches team.name") != std::string::npos);
  CHECK(plan.out.find("ok token_admin: admin@acme.com (the token's admin) is not suspended or "
                      "removed") != std::string::npos);
  CHECK(plan.out.find("ok last_admin: 1 of 2 active team admins remain after the plan") !=
        std::string::npos);
  auto apply = f.roster({"apply", f.plan_file});
  INFO(apply.out << apply.err);
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(test::member_status(f.emulator.state(), "boss@acme.com") == "removed");
}

namespace {

// Two views of one team (same id, same member ids): as it was when the plan was reviewed,
// and as it is when CI applies it with its own token.
std::string team_seed(const std::string& token_owner, const std::string& admin_role) {
  return R"({"team_name": "Acme Corp", "team_id": "dbtid:AAtest", "admin_email": ")" + token_owner +
         R"(", "members": [
    {"email": "admin@acme.com", "team_member_id": "dbmid:AAadmin", "role": ")" +
         admin_role + R"("},
    {"email": "boss@acme.com", "team_member_id": "dbmid:AAboss", "role": "team_admin"}]})";
}

}  // namespace

TEST_CASE("last_admin and token_admin are judged again on the team a saved plan is applied to",
          "[live][identity]") {
  test::TempDir dir;
  std::string manifest = dir.write("team.yaml", k_manifest);
  std::string plan_file = dir.file("team.plan");
  EmulatorRunner reviewed(team_seed("admin@acme.com", "team_admin"));
  auto plan =
      test::run_cli({"plan", "-f", manifest, "--out", plan_file, "--api-url", reviewed.url()},
                    {{"DROPBOX_TOKEN", reviewed.token()}});
  INFO(plan.out << plan.err);
  REQUIRE(plan.code == cli::ExitCode::success);
  CHECK(plan.out.find("ok last_admin: 1 of 2 active team admins remain") != std::string::npos);

  // Since the review, admin@acme.com lost its admin role, and the apply runs with the token
  // of boss@acme.com, whom the plan removes. No member the plan touches changed, so the plan
  // is not stale: only the guards can stop it.
  EmulatorRunner now(team_seed("boss@acme.com", "member_only"));
  auto apply = test::run_cli(
      {"apply", plan_file, "--api-url", now.url(), "--journal", dir.file("journal.jsonl")},
      {{"DROPBOX_TOKEN", now.token()}});
  CHECK(apply.code == cli::ExitCode::refused);
  CHECK(apply.err ==
        "roster: error: plan refused by safety guard last_admin: the plan suspends or removes "
        "every active team admin (1); at least one must remain\n");
  CHECK(now.calls("team/members/remove") == 0);

  EmulatorRunner other_token(team_seed("boss@acme.com", "team_admin"));
  apply = test::run_cli(
      {"apply", plan_file, "--api-url", other_token.url(), "--journal", dir.file("journal.jsonl")},
      {{"DROPBOX_TOKEN", other_token.token()}});
  CHECK(apply.code == cli::ExitCode::refused);
  CHECK(apply.err ==
        "roster: error: plan refused by safety guard token_admin: the plan would remove "
        "boss@acme.com, the admin whose token roster uses\n");
  CHECK(other_token.calls("team/members/remove") == 0);
}
