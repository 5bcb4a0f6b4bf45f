// roster snapshot against roster-emulator: the team as Dropbox lists it, read back by
// plan --observed with its guards, and a plan saved from it applied to the right team only.
#include <catch2/catch.hpp>

#include "live_support.hpp"
#include "roster/core/file.hpp"
#include "roster/core/json.hpp"
#include "support/emulator_runner.hpp"
#include "support/raw_http.hpp"

using namespace roster;
using test::EmulatorRunner;

namespace {

std::string seed(const std::string& team_id = "dbtid:AAtest") {
  return R"({"team_name": "Acme Corp", "team_id": ")" + team_id + R"(",
  "num_licensed_users": 10, "admin_email": "admin@acme.com", "member_space_limit_gb": 100,
  "members": [
    {"email": "admin@acme.com", "role": "team_admin", "team_member_id": "dbmid:AAadmin"},
    {"email": "amy@acme.com", "given_name": "Amy", "external_id": "E1", "custom_quota_gb": 30,
     "team_member_id": "dbmid:AAamy"},
    {"email": "bob@acme.com", "status": "suspended", "team_member_id": "dbmid:AAbob"},
    {"email": "old@acme.com", "status": "removed", "team_member_id": "dbmid:AAold"}],
  "groups": [{"group_name": "Sales", "group_id": "g:sales",
              "members": [{"email": "amy@acme.com", "access_type": "owner"}]}]})";
}

core::json::Value parse(const std::string& text) {
  core::json::Value value;
  std::string error;
  INFO(error);
  REQUIRE(core::json::parse(text, value, error));
  return value;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  return text.replace(text.find(from), from.size(), to);
}

std::string compact(const core::json::Value& value) {
  std::string out;
  core::json::Writer(out).value(value);
  return out;
}

const char* k_manifest = R"(version: 1
team: {name: Acme Corp}
policy: {unmanaged: report, max_removal_fraction: 1.0}
members:
  - email: admin@acme.com
  - {email: amy@acme.com, given_name: Amy, external_id: E1}
  - {email: bob@acme.com, state: removed}
)";

}  // namespace

TEST_CASE("snapshot writes the members and the team's facts exactly as the API lists them",
          "[live][snapshot]") {
  EmulatorRunner emulator(seed());
  test::TempDir dir;
  const std::string path = dir.file("team.snapshot.json");
  auto taken = test::roster_cli(emulator, {"snapshot", "-o", path});
  INFO(taken.err);
  REQUIRE(taken.code == cli::ExitCode::success);
  CHECK(taken.err == "roster: wrote a snapshot of 4 member records to " + path + "\n");
  CHECK(taken.out.empty());
  auto text = core::read_file(path);
  REQUIRE(text);
  CHECK(text->rfind("{\"snapshot_format\": 1,\n\"taken_at\": \"2026-11-26T12:00:00Z\",", 0) == 0);
  CHECK(text->find(emulator.token()) == std::string::npos);
  auto snapshot = parse(*text);

  // The members are list_v2's (with removed members), byte for byte once re-serialised.
  auto listed = test::raw_http(emulator.port(), "POST", "/2/team/members/list_v2",
                               R"({"include_removed": true})",
                               "Authorization: Bearer " + emulator.token() + "\r\n");
  REQUIRE(listed.status == 200);
  CHECK(compact(*snapshot.find("members")) == compact(*parse(listed.body).find("members")));
  auto info = test::raw_http(emulator.port(), "POST", "/2/team/get_info", "null",
                             "Authorization: Bearer " + emulator.token() + "\r\n");
  CHECK(compact(*snapshot.find("team_info")) == compact(parse(info.body)));
  CHECK(snapshot.find("authenticated_admin") != nullptr);
  CHECK(snapshot.find("available_roles") != nullptr);
  // Groups with their members, the custom quotas of live members and the excluded list.
  const auto* sales = snapshot.find("group_members")->find("g:sales");
  REQUIRE(sales != nullptr);
  CHECK(compact(*sales).find("\"email\":\"amy@acme.com\"") != std::string::npos);
  CHECK(snapshot.find("custom_quotas")->as_array().size() == 3);  // admin, amy, bob
  CHECK(compact(*snapshot.find("custom_quotas")).find("\"quota_gb\":30") != std::string::npos);
  CHECK(snapshot.find("quota_excluded")->as_array().empty());
  // Reads only.
  const auto stats = emulator.stats();  // the loop reads into it: keep it alive
  for (const auto& [route, n] : stats.find("calls")->as_object()) {
    INFO(route);
    CHECK((route.find("list") != std::string::npos || route.find("get") != std::string::npos));
  }
}

TEST_CASE(
    "plan --observed on a snapshot checks the guards offline and its plan applies to "
    "that team only",
    "[live][snapshot]") {
  EmulatorRunner emulator(seed());
  test::TempDir dir;
  const std::string snapshot = dir.file("team.snapshot.json");
  REQUIRE(test::roster_cli(emulator, {"snapshot", "-o", snapshot}).code == cli::ExitCode::success);
  const std::string manifest = dir.write("team.yaml", k_manifest);
  const std::string plan_file = dir.file("team.plan");
  // Offline: no token, no URL.
  auto plan =
      test::run_cli({"plan", "-f", manifest, "--observed", snapshot, "--out", plan_file}, {});
  INFO(plan.out << plan.err);
  REQUIRE(plan.code == cli::ExitCode::success);
  CHECK(plan.out.find("ok team_name: team \"Acme Corp\" matches team.name") != std::string::npos);
  CHECK(plan.out.find("ok token_admin: admin@acme.com (the token's admin) is not suspended or "
                      "removed") != std::string::npos);

  SECTION("the guards refuse offline") {
    auto other_name =
        dir.write("other.yaml", replaced(k_manifest, "name: Acme Corp", "name: Beta Corp"));
    auto refused = test::run_cli({"plan", "-f", other_name, "--observed", snapshot}, {});
    CHECK(refused.code == cli::ExitCode::refused);
    CHECK(refused.err.find("plan refused by safety guard team_name") != std::string::npos);
    auto no_admin = dir.write(
        "no_admin.yaml",
        replaced(k_manifest, "email: admin@acme.com", "{email: admin@acme.com, state: suspended}"));
    refused = test::run_cli({"plan", "-f", no_admin, "--observed", snapshot}, {});
    INFO(refused.out << refused.err);
    CHECK(refused.code == cli::ExitCode::refused);
    CHECK(refused.err.find("token_admin: the plan would suspend admin@acme.com, the admin whose "
                           "token roster uses") != std::string::npos);
  }
  SECTION("its plan applies to the team it was taken from") {
    auto apply = test::roster_cli(emulator, {"apply", plan_file});
    INFO(apply.out << apply.err);
    CHECK(apply.code == cli::ExitCode::success);
    CHECK(test::member_status(emulator.state(), "bob@acme.com") == "removed");
  }
  SECTION("and is refused by another team") {
    EmulatorRunner other(seed("dbtid:AAother"));
    auto apply = test::roster_cli(other, {"apply", plan_file});
    CHECK(apply.code == cli::ExitCode::refused);
    CHECK(apply.err == "roster: error: " + plan_file +
                           " was made for team Acme Corp (dbtid:AAtest), but the token belongs "
                           "to team Acme Corp (dbtid:AAother); nothing was changed\n");
    CHECK(other.calls("team/members/remove") == 0);
  }
}

TEST_CASE("snapshot writes nothing when a read fails", "[live][snapshot]") {
  // A token without groups.read: groups/list answers 401 missing_scope.
  EmulatorRunner emulator(seed(), "test-token", {"--scopes", "team_info.read,members.read"});
  test::TempDir dir;
  const std::string path = dir.file("team.snapshot.json");
  auto taken = test::roster_cli(emulator, {"snapshot", "-o", path});
  CHECK(taken.code == cli::ExitCode::error);
  CHECK(taken.err.rfind("roster: error: reading the team's groups failed, so no snapshot was "
                        "taken: ",
                        0) == 0);
  INFO(taken.err);
  CHECK(taken.err.find("missing_scope") != std::string::npos);
  CHECK_FALSE(core::read_file(path));
}

TEST_CASE("snapshot needs -o", "[live][snapshot]") {
  auto run = test::run_cli({"snapshot"}, {});
  CHECK(run.code == cli::ExitCode::error);
  CHECK(run.err == "roster: error: --output is required (see 'roster --help')\n");
}

TEST_CASE("a snapshot seeds an emulator that answers every read as the team did",
          "[live][snapshot]") {
  EmulatorRunner a(seed());
  test::TempDir dir;
  const std::string first = dir.file("a.json");
  REQUIRE(test::roster_cli(a, {"snapshot", "-o", first}).code == cli::ExitCode::success);
  auto text = core::read_file(first);
  REQUIRE(text);
  EmulatorRunner b(*text);  // roster-emulator --seed SNAPSHOT
  const std::string second = dir.file("b.json");
  auto taken = test::roster_cli(b, {"snapshot", "-o", second});
  INFO(taken.err);
  REQUIRE(taken.code == cli::ExitCode::success);
  auto copy = core::read_file(second);
  REQUIRE(copy);
  // Byte for byte: ids, dates, roles, groups, quotas (taken_at is the same in-process clock).
  CHECK(*copy == *text);
}

TEST_CASE("snapshot --timeout bounds the whole read, and writes nothing when it expires",
          "[live][snapshot]") {
  EmulatorRunner emulator(seed());
  emulator.fault(R"({"route": "team/members/list_v2", "kind": "latency", "latency_ms": 1500,
                     "count": 1})");
  test::TempDir dir;
  const std::string path = dir.file("team.snapshot.json");
  auto taken = test::roster_cli(emulator, {"snapshot", "-o", path, "--timeout", "1s"});
  CHECK(taken.code == cli::ExitCode::error);
  CHECK(taken.err ==
        "roster: error: reading the team's groups failed, so no snapshot was taken: "
        "not sent: the run's time limit (--timeout) was reached\n");
  CHECK_FALSE(core::read_file(path));
  CHECK(emulator.calls("team/groups/list") == 0);
}

TEST_CASE("plan --observed refuses a snapshot of another snapshot_format, exit 1",
          "[live][snapshot]") {
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto snapshot = dir.write("team.json", "{\"snapshot_format\": 2,\n \"members\": []}\n");
  auto plan = test::run_cli({"plan", "-f", manifest, "--observed", snapshot}, {});
  CHECK(plan.code == cli::ExitCode::error);
  CHECK(plan.out.empty());
  CHECK(plan.err ==
        snapshot + ":1:21: error: unsupported snapshot_format 2; this roster reads 1\n");
  auto rehearse = test::run_cli({"rehearse", "-f", manifest, "--observed", snapshot}, {});
  CHECK(rehearse.code == cli::ExitCode::error);
  CHECK(rehearse.err == plan.err);
}
