// groups/get_info, groups/update, groups/delete (async) and groups/members/set_access_type,
// and who may be in a group or own it.
#include <catch2/catch.hpp>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

const json k_sales = {{".tag", "group_external_id"}, {"group_external_id", "sales"}};

json group_by_id(std::uint64_t n) {
  return {{".tag", "group_id"}, {"group_id", acme_group_id(n)}};
}

json access(const std::string& address, const char* type) {
  return {{"user", by_email(address)}, {"access_type", type}};
}

std::vector<std::string> listed_group_names(TestTeam& team) {
  std::vector<std::string> names;
  const auto page = team.call("team/groups/list", json::object()).json();
  for (const auto& group : page.at("groups"))
    names.push_back(group.at("group_name"));
  return names;
}

}  // namespace

TEST_CASE("groups/get_info answers a bare list: group_info items and id_not_found",
          "[emulator][groups]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto by_ids =
      team.call("team/groups/get_info",
                {{".tag", "group_ids"},
                 {"group_ids", json::array({acme_group_id(1), "g:nope", acme_group_id(2)})}});
  REQUIRE(by_ids.status == 200);
  const auto items = by_ids.json();
  REQUIRE(items.is_array());
  REQUIRE(items.size() == 3);
  CHECK(items[0].at(".tag") == "group_info");
  CHECK(items[0].at("group_name") == "Sales");
  CHECK(items[0].at("group_external_id") == "sales");
  CHECK(items[0].at("created") == 1780272000000ULL);
  CHECK(items[0].at("members")[0].at("profile").at("email") == "amy@acme.com");
  CHECK(items[1] == json{{".tag", "id_not_found"}, {"id_not_found", "g:nope"}});
  CHECK(items[2].at("group_management_type") == json{{".tag", "system_managed"}});
  CHECK_FALSE(items[2].contains("members"));  // never for system-managed groups
  const auto by_external = team.call(
      "team/groups/get_info",
      {{".tag", "group_external_ids"}, {"group_external_ids", json::array({"sales", "none"})}});
  CHECK(by_external.json()[0].at("group_id") == acme_group_id(1));
  CHECK(by_external.json()[1] == json{{".tag", "id_not_found"}, {"id_not_found", "none"}});
  const auto wrong = team.call("team/groups/get_info", {{"group_ids", json::array()}});
  CHECK(wrong.status == 400);
  CHECK(wrong.body ==
        "Error in call to API function \"team/groups/get_info\": request body: expected union, "
        "got object");
}

TEST_CASE("groups/update renames, changes or clears the external id and the management type",
          "[emulator][groups]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto renamed =
      team.call("team/groups/update", {{"group", k_sales},
                                       {"new_group_name", "Sales EMEA"},
                                       {"new_group_external_id", "sales-emea"},
                                       {"new_group_management_type", "user_managed"},
                                       {"return_members", false}});
  REQUIRE(renamed.status == 200);
  const auto info = renamed.json();
  CHECK(info.at("group_name") == "Sales EMEA");
  CHECK(info.at("group_external_id") == "sales-emea");
  CHECK(info.at("group_management_type") == json{{".tag", "user_managed"}});
  CHECK(info.at("member_count") == 1);
  CHECK_FALSE(info.contains("members"));
  // The old name and external id are free again; the group answers to its new ones.
  CHECK(team.call("team/groups/create", {{"group_name", "Sales"}, {"group_external_id", "sales"}})
            .status == 200);
  const json emea = {{".tag", "group_external_id"}, {"group_external_id", "sales-emea"}};
  const auto cleared =
      team.call("team/groups/update", {{"group", emea}, {"new_group_external_id", ""}});
  REQUIRE(cleared.status == 200);
  CHECK_FALSE(cleared.json().contains("group_external_id"));
  CHECK(cleared.json().at("members").size() == 1);  // return_members defaults to true
  const auto same = team.call("team/groups/update",
                              {{"group", group_by_id(1)}, {"new_group_name", "sales emea"}});
  CHECK(same.json().at("group_name") == "sales emea");  // its own name in another case
  const auto nothing = team.call("team/groups/update", {{"group", group_by_id(3)}});
  CHECK(nothing.json().at("group_name") == "Projects");
}

TEST_CASE("groups/delete answers a job, and the group is gone at once", "[emulator][groups]") {
  TestTeam team(Mode::http, acme_seed());
  const auto launched = team.call("team/groups/delete", k_sales);
  REQUIRE(launched.status == 200);
  CHECK(launched.json().at(".tag") == "async_job_id");
  const auto job = launched.json().at("async_job_id").get<std::string>();
  CHECK(listed_group_names(team) == std::vector<std::string>{"Everyone", "Projects"});
  CHECK(member_profile(team, "amy@acme.com").at("groups") == json::array());
  CHECK(team.call("team/groups/get_info",
                  {{".tag", "group_ids"}, {"group_ids", json::array({acme_group_id(1)})}})
            .json()[0]
            .at(".tag") == "id_not_found");
  CHECK(team.call("team/groups/members/list", {{"group", group_by_id(1)}}).json() ==
        error_body({{".tag", "group_not_found"}}));
  const json poll = {{"async_job_id", job}};
  CHECK(team.call("team/groups/job_status/get", poll).json() == json{{".tag", "in_progress"}});
  CHECK(team.call("team/groups/job_status/get", poll).json() == json{{".tag", "complete"}});
  CHECK(team.call("team/members/remove/job_status/get", poll).json() ==
        error_body({{".tag", "invalid_async_job_id"}}));
  const auto again =
      team.call("team/groups/create", {{"group_name", "sales"}, {"group_external_id", "sales"}});
  REQUIRE(again.status == 200);
  CHECK(again.json().at("group_id") != acme_group_id(1));
  CHECK(team.call("team/groups/delete", group_by_id(1)).json() ==
        error_body({{".tag", "group_already_deleted"}}));
}

TEST_CASE("set_access_type answers the group as a one-item GroupsGetInfoResult",
          "[emulator][groups]") {
  TestTeam team(Mode::routes, acme_seed());
  REQUIRE(
      team.call("team/groups/members/add",
                {{"group", k_sales}, {"members", json::array({access("uma@acme.com", "member")})}})
          .status == 200);
  const auto promoted =
      team.call("team/groups/members/set_access_type", {{"group", k_sales},
                                                        {"user", by_email("uma@acme.com")},
                                                        {"access_type", "owner"},
                                                        {"return_members", false}});
  REQUIRE(promoted.status == 200);
  const auto items = promoted.json();
  REQUIRE(items.size() == 1);
  CHECK(items[0].at(".tag") == "group_info");
  CHECK(items[0].at("group_name") == "Sales");
  CHECK_FALSE(items[0].contains("members"));
  const auto listed = team.call("team/groups/members/list", {{"group", k_sales}}).json();
  CHECK(listed.at("members")[1].at("access_type") == json{{".tag", "owner"}});
  const auto demoted =
      team.call("team/groups/members/set_access_type", {{"group", k_sales},
                                                        {"user", by_email("uma@acme.com")},
                                                        {"access_type", {{".tag", "member"}}}});
  CHECK(demoted.json()[0].at("members")[1].at("access_type") == json{{".tag", "member"}});
}

TEST_CASE(
    "who may join or own a group: invitees join, only active members own, admins own "
    "company-managed groups",
    "[emulator][groups]") {
  TestTeam team(Mode::routes, acme_seed());
  const json projects = group_by_id(3);  // user-managed
  // Pending members can be added to groups before they join (REFERENCE §9).
  const auto invitee = team.call(
      "team/groups/members/add",
      {{"group", projects}, {"members", json::array({access("ian@acme.com", "member")})}});
  REQUIRE(invitee.status == 200);
  CHECK(member_profile(team, "ian@acme.com").at("groups") == json::array({acme_group_id(3)}));
  CHECK(team.call("team/groups/members/add",
                  {{"group", k_sales}, {"members", json::array({access("ian@acme.com", "owner")})}})
            .json() == error_body({{".tag", "user_must_be_active_to_be_owner"}}));
  // Suspended members stay in their groups and may still be added as members.
  CHECK(
      team.call("team/groups/members/add",
                {{"group", projects}, {"members", json::array({access("sue@acme.com", "member")})}})
          .status == 200);
  // Any member may own a user-managed group; a company-managed one only admins.
  CHECK(
      team.call("team/groups/members/add",
                {{"group", projects}, {"members", json::array({access("amy@acme.com", "owner")})}})
          .status == 200);
  CHECK(team.call("team/groups/members/add",
                  {{"group", k_sales},
                   {"members", json::array({access("uma@acme.com", "owner"),
                                            access("admin@acme.com", "owner")})}})
            .status == 200);
}

TEST_CASE("groups/members/add takes any number of members in one call", "[emulator][groups]") {
  std::string members;
  for (int i = 0; i < 1500; ++i)
    members += R"(, {"email": "m)" + std::to_string(i) + R"(@acme.com"})";
  TestTeam team(Mode::routes, with_members(acme_seed(2000), members.substr(2)));
  auto list = json::array();
  for (int i = 0; i < 1500; ++i)
    list.push_back(access("m" + std::to_string(i) + "@acme.com", "member"));
  const auto added =
      team.call("team/groups/members/add",
                {{"group", group_by_id(3)}, {"members", list}, {"return_members", false}});
  REQUIRE(added.status == 200);
  CHECK(added.json().at("group_info").at("member_count") == 1500);
  const auto removed =
      team.call("team/groups/members/remove",
                {{"group", group_by_id(3)},
                 {"users", json::array({by_email("m0@acme.com"), by_email("m1499@acme.com")})}});
  CHECK(removed.json().at("group_info").at("member_count") == 1498);
}
