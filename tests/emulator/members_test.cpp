// members/add_v2, list_v2, get_info_v2, get_info, roles: result shapes and per-member outcomes.
#include <catch2/catch.hpp>
#include <regex>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

json new_member(const std::string& email, json extra = json::object()) {
  json member = {
      {"member_email", email}, {"member_given_name", "New"}, {"member_surname", "Person"}};
  member.update(extra);
  return member;
}

json add_items(TestTeam& team, json members) {
  const auto reply = team.call("team/members/add_v2", {{"new_members", members}});
  REQUIRE(reply.status == 200);
  const auto body = reply.json();
  REQUIRE(body.at(".tag") == "complete");
  return body.at("complete");
}

json list_all(TestTeam& team, bool include_removed) {
  auto page =
      team.call("team/members/list_v2", {{"limit", 3}, {"include_removed", include_removed}})
          .json();
  json members = page.at("members");
  while (page.at("has_more").get<bool>()) {
    page = team.call("team/members/list/continue_v2", {{"cursor", page.at("cursor")}}).json();
    for (const auto& item : page.at("members"))
      members.push_back(item);
  }
  return members;
}

std::vector<std::string> emails(const json& members) {
  std::vector<std::string> out;
  for (const auto& item : members)
    out.push_back(item.at("profile").at("email"));
  return out;
}

}  // namespace

TEST_CASE("add_v2 invites a new member and answers with a full TeamMemberInfoV2",
          "[emulator][members]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto items = add_items(
      team,
      json::array({new_member("tom@acme.com", json::object({{"member_external_id", "E7"}}))}));
  REQUIRE(items.size() == 1);
  const auto& item = items[0];
  CHECK(item.at(".tag") == "success");
  CHECK(item.at("roles") == json::array());
  const auto& profile = item.at("profile");
  CHECK(profile.at("email") == "tom@acme.com");
  CHECK(profile.at("external_id") == "E7");
  CHECK(profile.at("status") == json{{".tag", "invited"}});
  CHECK(profile.at("membership_type") == json{{".tag", "full"}});
  CHECK(profile.at("invited_on") == "2026-06-01T00:00:00Z");
  CHECK_FALSE(profile.contains("joined_on"));
  CHECK(profile.at("name") == json{{"given_name", "New"},
                                   {"surname", "Person"},
                                   {"familiar_name", "New"},
                                   {"display_name", "New Person"},
                                   {"abbreviated_name", "NP"}});
  CHECK(profile.at("groups") == json::array());
  CHECK(profile.at("account_id").get<std::string>().size() == 40);
  CHECK(profile.at("account_id").get<std::string>().rfind("dbid:", 0) == 0);
  CHECK(profile.at("team_member_id").get<std::string>().rfind("dbmid:", 0) == 0);
  CHECK(profile.contains("member_folder_id"));
  CHECK(profile.contains("root_folder_id"));
}

TEST_CASE("add_v2 reports each failing member with its email under the tag",
          "[emulator][members]") {
  TestTeam team(Mode::http, acme_seed(6));  // 5 licenses used: room for one more
  const auto items = add_items(
      team, json::array({new_member("AMY@acme.com"), new_member("rita@acme.com"),
                         new_member("elsewhere@other.com"),
                         new_member("dup@acme.com", json::object({{"member_external_id", "E1"}})),
                         new_member("dup2@acme.com", json::object({{"member_external_id", "E5"}})),
                         new_member("pid@acme.com", json::object({{"member_persistent_id", "p"}})),
                         new_member("first@acme.com"), new_member("second@acme.com")}));
  const json expected_tags = {"user_already_on_team",
                              "user_already_on_team",
                              "user_on_another_team",
                              "duplicate_external_member_id",
                              "duplicate_external_member_id",
                              "persistent_id_disabled",
                              "success",
                              "team_license_limit"};
  REQUIRE(items.size() == expected_tags.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    CHECK(items[i].at(".tag") == expected_tags[i]);
  CHECK(items[0] ==
        json{{".tag", "user_already_on_team"}, {"user_already_on_team", "AMY@acme.com"}});
  CHECK(items[2] ==
        json{{".tag", "user_on_another_team"}, {"user_on_another_team", "elsewhere@other.com"}});
  CHECK(items[7] ==
        json{{".tag", "team_license_limit"}, {"team_license_limit", "second@acme.com"}});
}

TEST_CASE("invited and suspended members hold licenses", "[emulator][members]") {
  TestTeam team(Mode::routes,
                acme_seed(5));  // admin, amy, uma active + ian invited + sue suspended
  const auto info = team.call_void("team/get_info").json();
  CHECK(info.at("num_licensed_users") == 5);
  CHECK(info.at("num_used_licenses") == 5);
  CHECK(info.at("num_provisioned_users") == 4);
  CHECK(add_items(team, json::array({new_member("x@acme.com")}))[0].at(".tag") ==
        "team_license_limit");
  REQUIRE(team.call("team/members/remove", {{"user", by_email("ian@acme.com")}}).status == 200);
  CHECK(add_items(team, json::array({new_member("x@acme.com")}))[0].at(".tag") == "success");
}

TEST_CASE("a suspension frees no license and an unsuspension takes none",
          "[emulator][members][licenses]") {
  TestTeam team(Mode::routes, acme_seed(5));  // full: 5 of 5, sue suspended among them
  REQUIRE(team.call("team/members/suspend", {{"user", by_email("amy@acme.com")}}).status == 200);
  auto info = team.call_void("team/get_info").json();
  CHECK(info.at("num_used_licenses") == 5);
  CHECK(info.at("num_provisioned_users") == 3);  // suspended members are not provisioned
  CHECK(add_items(team, json::array({new_member("x@acme.com")}))[0].at(".tag") ==
        "team_license_limit");
  // At the limit, not over it: both suspended members hold their licenses already.
  CHECK(team.call("team/members/unsuspend", {{"user", by_email("sue@acme.com")}}).status == 200);
  CHECK(team.call("team/members/unsuspend", {{"user", by_email("amy@acme.com")}}).status == 200);
  info = team.call_void("team/get_info").json();
  CHECK(info.at("num_used_licenses") == 5);
  CHECK(info.at("num_provisioned_users") == 5);
}

TEST_CASE("an address whose removal can no longer be undone can be invited again",
          "[emulator][members]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto items = add_items(team, json::array({new_member("olga@acme.com")}));
  REQUIRE(items[0].at(".tag") == "success");
  const auto all = emails(list_all(team, true));
  CHECK(std::count(all.begin(), all.end(), "olga@acme.com") == 2);
  const auto info =
      team.call("team/members/get_info_v2", {{"members", json::array({by_email("OLGA@acme.com")})}})
          .json();
  CHECK(info.at("members_info")[0].at("profile").at("status") == json{{".tag", "invited"}});
}

TEST_CASE("add_v2 answers with a job for force_async and for more than 10 members",
          "[emulator][members][async]") {
  TestTeam team(Mode::routes, acme_seed(100));
  auto launch = [&](json members, bool force) {
    const auto reply =
        team.call("team/members/add_v2", {{"new_members", members}, {"force_async", force}});
    REQUIRE(reply.status == 200);
    const auto body = reply.json();
    REQUIRE(body.at(".tag") == "async_job_id");
    REQUIRE(body.size() == 2);
    return body.at("async_job_id").get<std::string>();
  };
  SECTION("force_async") {
    const auto job =
        launch(json::array({new_member("a1@acme.com"), new_member("amy@acme.com")}), true);
    const auto first = team.call("team/members/add/job_status/get_v2", {{"async_job_id", job}});
    CHECK(first.json() == json{{".tag", "in_progress"}});
    const auto done =
        team.call("team/members/add/job_status/get_v2", {{"async_job_id", job}}).json();
    REQUIRE(done.at(".tag") == "complete");
    CHECK(done.at("complete")[0].at(".tag") == "success");
    CHECK(done.at("complete")[1] ==
          json{{".tag", "user_already_on_team"}, {"user_already_on_team", "amy@acme.com"}});
  }
  SECTION("a large batch") {
    json batch = json::array();
    for (int i = 0; i < 11; ++i)
      batch.push_back(new_member("bulk" + std::to_string(i) + "@acme.com"));
    const auto job = launch(batch, false);
    team.call("team/members/add/job_status/get_v2", {{"async_job_id", job}});
    const auto done =
        team.call("team/members/add/job_status/get_v2", {{"async_job_id", job}}).json();
    CHECK(done.at("complete").size() == 11);
  }
  SECTION("more than 20 members is a 400") {
    json batch = json::array();
    for (int i = 0; i < 21; ++i)
      batch.push_back(new_member("b" + std::to_string(i) + "@acme.com"));
    const auto reply = team.call("team/members/add_v2", {{"new_members", batch}});
    CHECK(reply.status == 400);
    CHECK(reply.body ==
          "Error in call to API function \"team/members/add_v2\": request body: "
          "new_members: at most 20 members can be added per call");
  }
}

TEST_CASE("list_v2 pages through members with an opaque cursor that is always present",
          "[emulator][members]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto first = team.call("team/members/list_v2", {{"limit", 2}}).json();
  CHECK(first.at("members").size() == 2);
  CHECK(first.at("has_more") == true);
  CHECK(first.at("cursor").is_string());
  CHECK(emails(list_all(team, false)) == std::vector<std::string>{"admin@acme.com", "amy@acme.com",
                                                                  "ian@acme.com", "sue@acme.com",
                                                                  "uma@acme.com"});
  const auto everyone = list_all(team, true);
  CHECK(everyone.size() == 8);
  const auto& rita = everyone[5].at("profile");
  CHECK(rita.at("status") ==
        json{{".tag", "removed"}, {"is_recoverable", true}, {"is_disconnected", false}});
  CHECK(everyone[6].at("profile").at("status") ==
        json{{".tag", "removed"}, {"is_recoverable", false}, {"is_disconnected", false}});
  CHECK(everyone[7].at("profile").at("status") ==
        json{{".tag", "removed"}, {"is_recoverable", false}, {"is_disconnected", true}});
  const auto last = team.call("team/members/list_v2", {{"limit", 1000}}).json();
  CHECK(last.at("has_more") == false);
  CHECK(last.at("cursor").is_string());
  const auto after =
      team.call("team/members/list/continue_v2", {{"cursor", last.at("cursor")}}).json();
  CHECK(after.at("members") == json::array());
  CHECK(after.at("has_more") == false);
}

TEST_CASE("member profiles carry roles, timestamps and suspended_on as the spec says",
          "[emulator][members]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto info =
      team.call("team/members/get_info_v2",
                {{"members",
                  json::array({by_email("Admin@Acme.com"),
                               by_email("sue@acme.com"),
                               {{".tag", "external_id"}, {"external_id", "E1"}},
                               by_email("ghost@acme.com"),
                               {{".tag", "team_member_id"}, {"team_member_id", "dbmid:x"}}})}})
          .json()
          .at("members_info");
  REQUIRE(info.size() == 5);
  CHECK(info[0].at(".tag") == "member_info");
  CHECK(info[0].at("roles") ==
        json::array({json::object(
            {{"role_id", "pid_dbtmr:team_admin"},
             {"name", "Team admin"},
             {"description",
              "User can do most user provisioning, de-provisioning and management."}})}));
  const std::regex timestamp(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  CHECK(std::regex_match(info[0].at("profile").at("joined_on").get<std::string>(), timestamp));
  CHECK(info[1].at("profile").at("suspended_on") == "2026-06-01T00:00:00Z");
  CHECK(info[2].at("profile").at("email") == "amy@acme.com");
  CHECK(info[2].at("profile").at("groups").size() == 1);
  CHECK(info[3] == json{{".tag", "id_not_found"}, {"id_not_found", "ghost@acme.com"}});
  CHECK(info[4] == json{{".tag", "id_not_found"}, {"id_not_found", "dbmid:x"}});
}

TEST_CASE("get_available_team_member_roles lists stable role ids with names",
          "[emulator][members]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto roles =
      team.call_void("team/members/get_available_team_member_roles").json().at("roles");
  REQUIRE(roles.size() >= 4);
  CHECK(roles[0] == json{{"role_id", "pid_dbtmr:team_admin"},
                         {"name", "Team admin"},
                         {"description",
                          "User can do most user provisioning, de-provisioning and management."}});
  CHECK(roles[1].at("name") == "User management admin");
  CHECK(roles[2].at("name") == "Support admin");
  CHECK(roles[3].at("name") == "Billing admin");
}

TEST_CASE("the default team has one active team admin and 1,000 licenses", "[emulator][members]") {
  TestTeam team(Mode::routes);
  const auto info = team.call_void("team/get_info").json();
  CHECK(info.at("num_licensed_users") == 1000);
  CHECK(info.at("num_used_licenses") == 1);
  CHECK(info.at("policies").at("sharing").at("group_creation_policy") ==
        json{{".tag", "admins_only"}});
  const auto admin =
      team.call_void("team/token/get_authenticated_admin").json().at("admin_profile");
  CHECK(admin.at("status") == json{{".tag", "active"}});
  CHECK(admin.contains("groups"));
  CHECK(list_all(team, true).size() == 1);
}
