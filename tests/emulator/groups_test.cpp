// groups/create, groups/list(+continue), groups/members/add|remove|list(+continue), job status.
#include <catch2/catch.hpp>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

TEST_CASE("groups are created, listed and paged with cursors", "[emulator][groups]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto created = team.call("team/groups/create", {{"group_name", "Engineering"},
                                                        {"group_external_id", "eng"},
                                                        {"add_creator_as_owner", true},
                                                        {"group_management_type", "user_managed"}});
  REQUIRE(created.status == 200);
  const auto info = created.json();
  CHECK(info.at("group_name") == "Engineering");
  CHECK(info.at("group_external_id") == "eng");
  CHECK(info.at("group_id").get<std::string>().rfind("g:", 0) == 0);
  CHECK(info.at("group_management_type") == json{{".tag", "user_managed"}});
  CHECK(info.at("member_count") == 1);
  CHECK(info.at("members")[0].at("access_type") == json{{".tag", "owner"}});
  CHECK(info.at("members")[0].at("profile").at("email") == "admin@acme.com");
  CHECK_FALSE(info.at("members")[0].at("profile").contains("groups"));
  CHECK(info.at("created") == 1780272000000ULL);

  auto page = team.call("team/groups/list", {{"limit", 3}}).json();
  CHECK(page.at("groups").size() == 3);
  CHECK(page.at("has_more") == true);
  CHECK(page.at("groups")[0] == json{{"group_name", "Sales"},
                                     {"group_id", page.at("groups")[0].at("group_id")},
                                     {"group_external_id", "sales"},
                                     {"member_count", 1},
                                     {"group_management_type", {{".tag", "company_managed"}}}});
  page = team.call("team/groups/list/continue", {{"cursor", page.at("cursor")}}).json();
  CHECK(page.at("groups").size() == 1);
  CHECK(page.at("groups")[0].at("group_name") == "Engineering");
  CHECK(page.at("has_more") == false);
}

TEST_CASE("group membership changes are immediate and show in member profiles",
          "[emulator][groups]") {
  TestTeam team(Mode::http, acme_seed());
  const json projects = {{".tag", "group_external_id"}, {"group_external_id", "sales"}};
  const auto added = team.call(
      "team/groups/members/add",
      {{"group", projects},
       {"members",
        json::array({json::object({{"user", by_email("ian@acme.com")}, {"access_type", "member"}}),
                     json::object({{"user", by_email("uma@acme.com")},
                                   {"access_type", {{".tag", "member"}}}})})},
       {"return_members", false}});
  REQUIRE(added.status == 200);
  CHECK(added.json().at("async_job_id") == " ");
  CHECK(added.json().at("group_info").at("member_count") == 3);
  CHECK_FALSE(added.json().at("group_info").contains("members"));
  CHECK(team.call("team/groups/job_status/get", {{"async_job_id", " "}}).json() ==
        json{{".tag", "complete"}});

  auto page = team.call("team/groups/members/list", {{"group", projects}, {"limit", 2}}).json();
  CHECK(page.at("members").size() == 2);
  CHECK(page.at("has_more") == true);
  page = team.call("team/groups/members/list/continue", {{"cursor", page.at("cursor")}}).json();
  CHECK(page.at("members").size() == 1);
  CHECK(page.at("members")[0].at("profile").at("email") == "uma@acme.com");

  const auto uma =
      team.call("team/members/get_info_v2", {{"members", json::array({by_email("uma@acme.com")})}})
          .json();
  const auto group_id = added.json().at("group_info").at("group_id");
  CHECK(uma.at("members_info")[0].at("profile").at("groups") == json::array({group_id}));

  const auto removed =
      team.call("team/groups/members/remove",
                {{"group", projects}, {"users", json::array({by_email("uma@acme.com")})}});
  REQUIRE(removed.status == 200);
  CHECK(removed.json().at("group_info").at("members").size() == 2);
}
