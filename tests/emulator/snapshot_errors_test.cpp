// --seed with a snapshot: a team's own role ids, and bad snapshots refused with their place.
#include <catch2/catch.hpp>

#include <fstream>

#include "persistence/state_codec.hpp"
#include "support/process.hpp"
#include "support/snapshot_taker.hpp"
#include "support/temp_dir.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator;
using namespace roster::emulator::test;
using nlohmann::json;

namespace {

json profile(const std::string& id, const std::string& email) {
  return {{"team_member_id", id},
          {"account_id", "dbid:AAD00000000000000000000000000000001"},
          {"email", email},
          {"email_verified", true},
          {"status", {{".tag", "active"}}},
          {"name",
           {{"given_name", "Ida"},
            {"surname", "Admin"},
            {"familiar_name", "Ida"},
            {"display_name", "Ida Admin"},
            {"abbreviated_name", "IA"}}},
          {"membership_type", {{".tag", "full"}}},
          {"joined_on", "2024-03-01T09:00:00Z"},
          {"groups", json::array({"g:1"})},
          {"member_folder_id", "1001"},
          {"root_folder_id", "2001"}};
}

// A one-member snapshot shaped as Dropbox answers, with Dropbox-like (not emulator) ids.
json small_snapshot() {
  const json role = {{"role_id", "pid_dbtmr:2345"}, {"name", "Team admin"}, {"description", "d"}};
  const auto ida = profile("dbmid:AAH00001acme", "ida@acme.com");
  return {{"snapshot_format", 1},
          {"taken_at", "2026-06-01T00:00:00Z"},
          {"members", json::array({{{"profile", ida}, {"roles", json::array({role})}}})},
          {"team_info",
           {{"name", "Acme"},
            {"team_id", "dbtid:AAacme"},
            {"num_licensed_users", 5},
            {"num_provisioned_users", 9},
            {"num_used_licenses", 9},
            {"policies", json::object()}}},
          {"authenticated_admin", {{"admin_profile", ida}}},
          {"available_roles", {{"roles", json::array({role})}}},
          {"groups", json::array({{{"group_name", "Sales"},
                                   {"group_id", "g:1"},
                                   {"member_count", 1},
                                   {"group_management_type", {{".tag", "user_managed"}}}}})},
          {"group_members",
           {{"g:1", json::array({{{"profile", ida}, {"access_type", {{".tag", "owner"}}}}})}}},
          {"custom_quotas",
           json::array(
               {{{".tag", "success"},
                 {"user", {{".tag", "team_member_id"}, {"team_member_id", "dbmid:AAH00001acme"}}},
                 {"quota_gb", 30}}})},
          {"quota_excluded", json::array()}};
}

std::string refusal(const json& snapshot) {
  auto state = decode_seed(snapshot.dump(), 1780272000);
  if (state) return "accepted";
  return state.error().message;
}

}  // namespace

TEST_CASE("a snapshot's own role ids, licenses and admin are the team's", "[emulator][snapshot]") {
  const auto mode = GENERATE(Mode::routes, Mode::http);
  TestTeam team(mode, small_snapshot().dump());
  const auto info = team.call_void("team/get_info").json();
  CHECK(info.at("num_licensed_users") == 5);
  CHECK(info.at("num_provisioned_users") == 1);  // derived from the members, not the 9
  CHECK(team.call_void("team/members/get_available_team_member_roles").json() ==
        json{{"roles", small_snapshot()["available_roles"]["roles"]}});
  CHECK(
      team.call_void("team/token/get_authenticated_admin").json().at("admin_profile").at("email") ==
      "ida@acme.com");
  // "Team admin" by its snapshot id carries the last-admin rule; the default ids are gone.
  CHECK(team.call("team/members/set_admin_permissions_v2",
                  {{"user", by_email("ida@acme.com")}, {"new_roles", json::array()}})
            .json() == error_body({{".tag", "last_admin"}}));
  const auto added = team.call(
      "team/members/add_v2",
      {{"new_members", json::array({{{"member_email", "bo@acme.com"},
                                     {"role_ids", json::array({"pid_dbtmr:team_admin"})}}})}});
  CHECK(added.status == 400);
  CHECK(added.body.find("'pid_dbtmr:team_admin' is not a role of this team") != std::string::npos);
  const auto later =
      team.call("team/members/add_v2",
                {{"new_members", json::array({{{"member_email", "bo@acme.com"},
                                               {"role_ids", json::array({"pid_dbtmr:2345"})}}})}});
  REQUIRE(later.status == 200);
  CHECK(later.json().at("complete")[0].at("roles")[0].at("role_id") == "pid_dbtmr:2345");
  const auto quota = team.call("team/member_space_limits/get_custom_quota",
                               {{"users", json::array({by_email("ida@acme.com")})}});
  CHECK(quota.json()[0].at("quota_gb") == 30);
  if (mode == Mode::http) {
    const auto before = take_snapshot(team).document;
    team.restart();
    CHECK(take_snapshot(team).document == before);
  }
}

TEST_CASE("a snapshot's custom quota may name its member by email or external id",
          "[emulator][snapshot]") {
  auto snapshot = small_snapshot();
  auto bo = profile("dbmid:AAH00002acme", "Bo@Acme.com");
  bo["external_id"] = "E-2";
  bo["groups"] = json::array();
  snapshot["members"].push_back({{"profile", bo}, {"roles", json::array()}});
  snapshot["custom_quotas"] =
      json::array({{{".tag", "success"},
                    {"user", {{".tag", "email"}, {"email", "IDA@acme.com"}}},
                    {"quota_gb", 7}},
                   {{".tag", "success"},
                    {"user", {{".tag", "external_id"}, {"external_id", "E-2"}}},
                    {"quota_gb", 9}}});
  auto state = decode_seed(snapshot.dump(), 1780272000);
  REQUIRE(state);
  CHECK(state->members[0].custom_quota_gb == 7u);
  CHECK(state->members[1].custom_quota_gb == 9u);

  // A removed member holds no quota, whichever way it is named.
  snapshot["members"][1]["profile"]["status"] = {
      {".tag", "removed"}, {"is_recoverable", true}, {"is_disconnected", false}};
  CHECK(refusal(snapshot) ==
        "custom_quotas[1].user.external_id: \"E-2\" is not a live member of the snapshot");
  snapshot["custom_quotas"][1]["user"] = {{".tag", "team_member_id"},
                                          {"team_member_id", "dbmid:AAH00002acme"}};
  CHECK(refusal(snapshot) ==
        "custom_quotas[1].user.team_member_id: \"dbmid:AAH00002acme\" is not a live member of "
        "the snapshot");
}

TEST_CASE("bad snapshots are refused with the key path of the problem", "[emulator][snapshot]") {
  CHECK(refusal(small_snapshot()) == "accepted");
  auto snapshot = small_snapshot();
  snapshot["snapshot_format"] = 2;
  CHECK(refusal(snapshot) ==
        "snapshot_format: unsupported snapshot_format 2; roster-emulator reads 1");
  snapshot["members"][0]["profile"].erase("email");  // the format is the answer all the same
  CHECK(refusal(snapshot) ==
        "snapshot_format: unsupported snapshot_format 2; roster-emulator reads 1");
  snapshot["snapshot_format"] = "1";
  CHECK(refusal(snapshot) == "snapshot_format: expected an integer");

  snapshot = small_snapshot();
  snapshot["members"][0]["roles"][0]["role_id"] = "pid_dbtmr:9";
  CHECK(refusal(snapshot) ==
        "members[0].roles[0].role_id: \"pid_dbtmr:9\" is not one of available_roles");

  snapshot = small_snapshot();
  snapshot["group_members"]["g:1"][0]["profile"]["team_member_id"] = "dbmid:ghost";
  CHECK(refusal(snapshot) ==
        "group_members[\"g:1\"][0].profile.team_member_id: \"dbmid:ghost\" "
        "is not a member of the snapshot");

  snapshot = small_snapshot();
  snapshot["members"][0]["profile"]["joined_on"] = "2026-02-31T09:00:00Z";
  CHECK(refusal(snapshot) ==
        "members[0].profile.joined_on: expected a real UTC time like "
        "2026-05-12T15:50:38Z, got \"2026-02-31T09:00:00Z\"");
  snapshot = small_snapshot();
  snapshot.erase("taken_at");
  CHECK(refusal(snapshot) == "taken_at: missing");

  snapshot = small_snapshot();
  snapshot["members"][0]["profile"].erase("email");
  CHECK(refusal(snapshot) == "members[0].profile.email: missing");
  snapshot = small_snapshot();
  snapshot["members"][0]["profile"]["status"] = {{".tag", "removed"}, {"is_recoverable", true}};
  CHECK(refusal(snapshot) == "members[0].profile.status.is_disconnected: missing");
  snapshot = small_snapshot();
  snapshot["members"][0]["profile"]["groups"] = json::array({"g:2"});
  CHECK(refusal(snapshot) ==
        "members[0].profile.groups[0]: \"g:2\" is not a group of the snapshot's groups");
  snapshot = small_snapshot();
  snapshot["available_roles"]["roles"][0]["name"] = "Boss";
  CHECK(refusal(snapshot) == "available_roles.roles: no role is named \"Team admin\"");
  snapshot = small_snapshot();
  snapshot["custom_quotas"][0]["user"]["team_member_id"] = "dbmid:nobody";
  CHECK(refusal(snapshot) ==
        "custom_quotas[0].user.team_member_id: \"dbmid:nobody\" is not a live member of the "
        "snapshot");
  snapshot = small_snapshot();
  snapshot["members"].push_back(snapshot["members"][0]);
  CHECK(refusal(snapshot) ==
        "members[1].profile.team_member_id: \"dbmid:AAH00001acme\" is listed twice");
}

TEST_CASE("roster-emulator refuses a bad snapshot with the file and the key path, writing nothing",
          "[emulator][snapshot][process]") {
  TempDir dir;
  auto snapshot = small_snapshot();
  snapshot["snapshot_format"] = 2;
  std::ofstream(dir.file("snap.json")) << snapshot.dump(2);
  const auto result =
      roster::test::run_process({ROSTER_EMULATOR_BINARY, "--port", "0", "--state",
                                 dir.file("state.json"), "--seed", dir.file("snap.json")});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "roster-emulator: error: " + dir.file("snap.json") +
                          ": snapshot_format: unsupported snapshot_format 2; roster-emulator "
                          "reads 1\n");
  CHECK_FALSE(std::ifstream(dir.file("state.json")).good());
}

TEST_CASE("what a snapshot leaves out is decided: removal time, token admin, group members",
          "[emulator][snapshot]") {
  // The routes-mode clock is 2026-06-01T00:00:00Z; a removal counts from taken_at.
  auto removed = small_snapshot();
  auto rob = removed["members"][0];
  rob["profile"]["team_member_id"] = "dbmid:AAH00002acme";
  rob["profile"]["email"] = "rob@acme.com";
  rob["profile"]["status"] = {
      {".tag", "removed"}, {"is_recoverable", true}, {"is_disconnected", false}};
  rob["profile"]["groups"] = json::array();
  rob["roles"] = json::array();
  removed["members"].push_back(rob);
  auto recoverable = [&](const std::string& taken_at) {
    removed["taken_at"] = taken_at;
    TestTeam team(Mode::routes, removed.dump());
    return member_profile(team, "rob@acme.com").at("status").at("is_recoverable").get<bool>();
  };
  CHECK(recoverable("2026-05-30T00:00:00Z"));
  CHECK_FALSE(recoverable("2026-05-24T23:59:59Z"));  // more than 7 days before now

  auto no_admin = small_snapshot();
  no_admin.erase("authenticated_admin");
  auto state = decode_seed(no_admin.dump(), 1780272000);
  REQUIRE(state);
  CHECK(state->info.admin_email == "ida@acme.com");  // the first active Team admin
  no_admin["authenticated_admin"] = {{"admin_profile", profile("dbmid:other", "x@acme.com")}};
  CHECK(refusal(no_admin) ==
        "authenticated_admin.admin_profile.team_member_id: \"dbmid:other\" is not a member of "
        "the snapshot");

  auto no_lists = small_snapshot();
  no_lists.erase("group_members");  // members come from profile.groups, as plain members
  state = decode_seed(no_lists.dump(), 1780272000);
  REQUIRE(state);
  REQUIRE(state->groups.size() == 1);
  REQUIRE(state->groups[0].members.size() == 1);
  CHECK(state->groups[0].members[0].access == GroupAccess::member);
  CHECK(state->info.member_space_limit_gb == 1000u);
  no_lists.erase("custom_quotas");
  no_lists.erase("groups");  // without groups the team has none
  state = decode_seed(no_lists.dump(), 1780272000);
  REQUIRE(state);
  CHECK(state->groups.empty());
  CHECK_FALSE(state->info.member_space_limit_gb.has_value());

  auto limited = small_snapshot();
  limited["members"][0]["profile"]["membership_type"] = {{".tag", "limited"}};
  TestTeam team(Mode::routes, limited.dump());
  CHECK(team.call_void("team/get_info").json().at("num_used_licenses") == 0);
  CHECK(member_profile(team, "ida@acme.com").at("membership_type") == json{{".tag", "limited"}});
}
