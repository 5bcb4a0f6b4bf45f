// Successful member changes: suspend, unsuspend, remove (always async), recover,
// set_profile_v2, set_admin_permissions_v2, and the recovery window.
#include <catch2/catch.hpp>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

json profile_of(TestTeam& team, const std::string& email) {
  const auto reply =
      team.call("team/members/get_info_v2", {{"members", json::array({by_email(email)})}});
  REQUIRE(reply.status == 200);
  return reply.json().at("members_info")[0].at("profile");
}

std::string remove(TestTeam& team, json arg) {
  const auto reply = team.call("team/members/remove", arg);
  REQUIRE(reply.status == 200);
  const auto body = reply.json();
  REQUIRE(body.at(".tag") == "async_job_id");
  return body.at("async_job_id").get<std::string>();
}

}  // namespace

TEST_CASE("suspend and unsuspend answer null and move the member between states",
          "[emulator][lifecycle]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto suspended =
      team.call("team/members/suspend", {{"user", by_email("amy@acme.com")}, {"wipe_data", false}});
  CHECK(suspended.status == 200);
  CHECK(suspended.content_type == "application/json");
  CHECK(suspended.body == "null");
  CHECK(profile_of(team, "amy@acme.com").at("status") == json{{".tag", "suspended"}});
  CHECK(profile_of(team, "amy@acme.com").at("suspended_on") == "2026-06-01T00:00:00Z");
  CHECK(team.call("team/members/unsuspend", {{"user", by_email("amy@acme.com")}}).body == "null");
  CHECK(profile_of(team, "amy@acme.com").at("status") == json{{".tag", "active"}});
  CHECK_FALSE(profile_of(team, "amy@acme.com").contains("suspended_on"));
}

TEST_CASE("remove always answers with a job that reports in_progress once, then complete",
          "[emulator][lifecycle][async]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto job = remove(team, {{"user", by_email("amy@acme.com")}, {"wipe_data", false}});
  CHECK(team.call("team/members/remove/job_status/get", {{"async_job_id", job}}).json() ==
        json{{".tag", "in_progress"}});
  CHECK(team.call("team/members/remove/job_status/get", {{"async_job_id", job}}).json() ==
        json{{".tag", "complete"}});
  const auto profile = profile_of(team, "amy@acme.com");
  CHECK(profile.at("status") ==
        json{{".tag", "removed"}, {"is_recoverable", true}, {"is_disconnected", false}});
  CHECK(profile.at("groups") == json::array());
  const auto sales =
      team.call("team/groups/members/list",
                {{"group", {{".tag", "group_external_id"}, {"group_external_id", "sales"}}}});
  CHECK(sales.json().at("members") == json::array());
}

TEST_CASE("a removed member can be recovered within 7 days and not after",
          "[emulator][lifecycle]") {
  TestTeam team(Mode::http, acme_seed());
  remove(team, {{"user", by_email("amy@acme.com")}});
  const auto again =
      team.call("team/members/add_v2",
                {{"new_members", json::array({json::object({{"member_email", "amy@acme.com"}})})}});
  CHECK(again.json().at("complete")[0].at(".tag") == "user_already_on_team");
  SECTION("within the window") {
    team.advance_clock(6 * 24 * 3600);
    const auto recovered = team.call("team/members/recover", {{"user", by_email("amy@acme.com")}});
    CHECK(recovered.status == 200);
    CHECK(recovered.body == "null");
    CHECK(profile_of(team, "amy@acme.com").at("status") == json{{".tag", "active"}});
  }
  SECTION("after the window") {
    team.advance_clock(7 * 24 * 3600 + 1);
    CHECK(profile_of(team, "amy@acme.com").at("status").at("is_recoverable") == false);
    const auto refused = team.call("team/members/recover", {{"user", by_email("amy@acme.com")}});
    CHECK(refused.json() == error_body({{".tag", "user_unrecoverable"}}));
    const auto invited = team.call(
        "team/members/add_v2",
        {{"new_members", json::array({json::object({{"member_email", "amy@acme.com"}})})}});
    CHECK(invited.json().at("complete")[0].at(".tag") == "success");
  }
}

TEST_CASE("keep_account converts to Basic: disconnected and not recoverable",
          "[emulator][lifecycle]") {
  TestTeam team(Mode::routes, acme_seed());
  remove(team, {{"user", by_email("amy@acme.com")}, {"wipe_data", false}, {"keep_account", true}});
  CHECK(profile_of(team, "amy@acme.com").at("status") ==
        json{{".tag", "removed"}, {"is_recoverable", false}, {"is_disconnected", true}});
}

TEST_CASE("removing an invitee cancels the invitation for good", "[emulator][lifecycle]") {
  TestTeam team(Mode::routes, acme_seed());
  remove(team, {{"user", by_email("ian@acme.com")}});
  CHECK(profile_of(team, "ian@acme.com").at("status").at("is_recoverable") == false);
  const auto invited =
      team.call("team/members/add_v2",
                {{"new_members", json::array({json::object({{"member_email", "ian@acme.com"}})})}});
  CHECK(invited.json().at("complete")[0].at(".tag") == "success");
}

TEST_CASE("a transfer to another member is accepted with an admin and ends recoverability",
          "[emulator][lifecycle]") {
  TestTeam team(Mode::routes, acme_seed());
  remove(team, {{"user", by_email("amy@acme.com")},
                {"transfer_dest_id", by_email("uma@acme.com")},
                {"transfer_admin_id", by_email("admin@acme.com")}});
  CHECK(profile_of(team, "amy@acme.com").at("status").at("is_recoverable") == false);
}

TEST_CASE("set_profile_v2 changes email, names and external id", "[emulator][lifecycle]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto reply = team.call("team/members/set_profile_v2",
                               {{"user", {{".tag", "external_id"}, {"external_id", "E1"}}},
                                {"new_email", "amy.smith@acme.com"},
                                {"new_given_name", "Amelia"},
                                {"new_surname", "Smythe"}});
  REQUIRE(reply.status == 200);
  const auto info = reply.json().at("member_info");
  CHECK(info.at("profile").at("email") == "amy.smith@acme.com");
  CHECK(info.at("profile").at("name").at("display_name") == "Amelia Smythe");
  CHECK(profile_of(team, "amy.smith@acme.com").at("external_id") == "E1");
  const auto old =
      team.call("team/members/get_info_v2", {{"members", json::array({by_email("amy@acme.com")})}});
  CHECK(old.json().at("members_info")[0].at(".tag") == "id_not_found");
  const auto external =
      team.call("team/members/set_profile_v2",
                {{"user", by_email("amy.smith@acme.com")}, {"new_external_id", "E42"}});
  CHECK(external.json().at("member_info").at("profile").at("external_id") == "E42");
}

TEST_CASE("set_admin_permissions_v2 grants and removes roles", "[emulator][lifecycle]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto granted = team.call(
      "team/members/set_admin_permissions_v2",
      {{"user", by_email("amy@acme.com")}, {"new_roles", json::array({"pid_dbtmr:team_admin"})}});
  REQUIRE(granted.status == 200);
  CHECK(granted.json().at("roles")[0].at("name") == "Team admin");
  CHECK(granted.json().at("team_member_id") ==
        profile_of(team, "amy@acme.com").at("team_member_id"));
  // With a second team admin the first may be suspended.
  CHECK(team.call("team/members/suspend", {{"user", by_email("admin@acme.com")}}).status == 200);
  const auto demoted =
      team.call("team/members/set_admin_permissions_v2",
                {{"user", by_email("uma@acme.com")}, {"new_roles", json::array()}});
  CHECK(demoted.json() ==
        json{{"team_member_id", profile_of(team, "uma@acme.com").at("team_member_id")},
             {"roles", json::array()}});
}

TEST_CASE("accept_invite makes an invited member active", "[emulator][lifecycle][admin]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto accepted = team.admin_post("accept_invite", {{"email", "IAN@acme.com"}});
  CHECK(accepted.status == 200);
  CHECK(accepted.json().at("profile").at("status") == json{{".tag", "active"}});
  const auto profile = profile_of(team, "ian@acme.com");
  CHECK(profile.at("joined_on") == "2026-06-01T00:00:00Z");
  CHECK(profile.at("email_verified") == true);
  CHECK_FALSE(profile.contains("invited_on"));
  CHECK(team.admin_post("accept_invite", {{"email", "amy@acme.com"}}).status == 404);
  CHECK(team.call("team/members/suspend", {{"user", by_email("ian@acme.com")}}).status == 200);
}

TEST_CASE("send_welcome_email takes the bare selector and is a no-op for non-pending members",
          "[emulator][lifecycle]") {
  TestTeam team(Mode::http, acme_seed());
  const auto before = team.admin_get("state").json();
  for (const char* address : {"ian@acme.com", "amy@acme.com", "sue@acme.com"}) {
    const auto sent = team.call("team/members/send_welcome_email", by_email(address));
    INFO(address << ": " << sent.body);
    CHECK(sent.status == 200);
    CHECK(sent.body == "null");
  }
  CHECK(team.admin_get("state").json() == before);
  const auto wrapped =
      team.call("team/members/send_welcome_email", {{"user", by_email("ian@acme.com")}});
  CHECK(wrapped.status == 400);
}
