// The access state of issue 9 in seeds and state files: secondary emails, custom quotas,
// space-limit exclusions, group owners and deleted groups load, are checked, and survive
// a restart.
#include <catch2/catch.hpp>

#include "persistence/state_codec.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator;
using namespace roster::emulator::test;
using nlohmann::json;

namespace {

constexpr const char* k_access_seed = R"({"team_name": "T", "admin_email": "a@t.com",
  "member_space_limit_gb": 50, "verified_domains": ["t.com"],
  "members": [
    {"email": "a@t.com", "role": "team_admin",
     "secondary_emails": [{"email": "boss@t.com", "is_verified": true}, {"email": "a@home.org"}]},
    {"email": "b@t.com", "custom_quota_gb": 8},
    {"email": "c@t.com", "space_limit_excluded": true}
  ],
  "groups": [
    {"group_name": "Ops", "members": [{"email": "a@t.com", "access_type": "owner"},
                                      {"email": "b@t.com"}]},
    {"group_name": "Old", "group_external_id": "old", "deleted": true}
  ]})";

std::string seed_error(const std::string& text) {
  auto state = decode_state(text, 0);
  REQUIRE_FALSE(state.has_value());
  return state.error().message;
}

json quotas_of(TestTeam& team, std::initializer_list<const char*> emails) {
  auto users = json::array();
  for (const auto* email : emails)
    users.push_back(by_email(email));
  return team.call("team/member_space_limits/get_custom_quota", {{"users", users}}).json();
}

}  // namespace

TEST_CASE("a seed gives members secondary emails, quotas, exclusions and group owners",
          "[emulator][state][access]") {
  TestTeam team(Mode::routes, k_access_seed);
  CHECK(member_profile(team, "a@t.com").at("secondary_emails") ==
        json::array({json{{"email", "boss@t.com"}, {"is_verified", true}},
                     json{{"email", "a@home.org"}, {"is_verified", false}}}));
  const auto quotas = quotas_of(team, {"b@t.com", "c@t.com"});
  CHECK(quotas[0].at("quota_gb") == 8);
  CHECK_FALSE(quotas[1].contains("quota_gb"));
  const auto excluded = team.call("team/member_space_limits/excluded_users/list", json::object());
  REQUIRE(excluded.json().at("users").size() == 1);
  CHECK(excluded.json().at("users")[0].at("email") == "c@t.com");
  const auto groups = team.call("team/groups/list", json::object()).json().at("groups");
  REQUIRE(groups.size() == 1);  // the deleted group is not listed
  const auto members =
      team.call("team/groups/members/list",
                {{"group", {{".tag", "group_id"}, {"group_id", groups[0].at("group_id")}}}})
          .json()
          .at("members");
  CHECK(members[0].at("access_type") == json{{".tag", "owner"}});
  CHECK(members[1].at("access_type") == json{{".tag", "member"}});
  // The deleted group's external id is free again; its id answers group_already_deleted.
  CHECK(team.call("team/groups/create", {{"group_name", "Old"}, {"group_external_id", "old"}})
            .status == 200);
}

TEST_CASE("seeds with impossible access state are refused with the place of the problem",
          "[emulator][state][access]") {
  const std::string team = R"({"admin_email": "a@t.com", "member_space_limit_gb": 50, )";
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com", "custom_quota_gb": 1}]})") ==
        "members[0].custom_quota_gb: expected a whole number from 2 to 4294967295");
  CHECK(seed_error(R"({"members": [{"email": "a@t.com", "custom_quota_gb": 5}]})") ==
        "members[0].custom_quota_gb: the team has no member_space_limit_gb");
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com", "custom_quota_gb": 5,
        "space_limit_excluded": true}]})") ==
        "members[0].custom_quota_gb: an excluded member (space_limit_excluded) has none");
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com", "status": "invited",
        "secondary_emails": [{"email": "x@t.com"}]}]})") ==
        "members[0].secondary_emails: an invited member cannot have any yet (placeholder_user)");
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com"},
        {"email": "b@t.com", "secondary_emails": [{"email": "A@t.com"}]}]})") ==
        "members[1].secondary_emails[0]: A@t.com is already held by members[0]");
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com",
        "secondary_emails": [{"email": "nobody"}]}]})") ==
        "members[0].secondary_emails[0].email: not an email address");
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com", "status": "removed",
        "removed_on": "2026-01-01T00:00:00Z", "space_limit_excluded": true}]})") ==
        "members[0]: a removed member has no secondary emails, custom quota or exclusion");
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com"}], "groups": [{"group_name": "G",
        "deleted": true, "members": [{"email": "a@t.com"}]}]})") ==
        "groups[0].members: a deleted group has none");
  CHECK(seed_error(team + R"("members": [{"email": "a@t.com"}], "groups": [{"group_name": "G",
        "members": [{"email": "a@t.com", "access_type": "boss"}]}]})") ==
        "groups[0].members[0].access_type: expected member or owner");
}

TEST_CASE("access changes survive a restart on the same state file",
          "[emulator][http][persistence][access]") {
  TestTeam team(Mode::http, acme_seed());
  const json sales = {{".tag", "group_external_id"}, {"group_external_id", "sales"}};
  const json projects = {{".tag", "group_id"}, {"group_id", acme_group_id(3)}};
  const std::pair<const char*, json> changes[] = {
      {"team/members/secondary_emails/add",
       {{"new_secondary_emails",
         json::array(
             {json{{"user", by_email("amy@acme.com")},
                   {"secondary_emails", json::array({"amy.s@acme.com", "a@home.org"})}}})}}},
      {"team/member_space_limits/set_custom_quota",
       {{"users_and_quotas",
         json::array({json{{"user", by_email("amy@acme.com")}, {"quota_gb", 9}}})}}},
      {"team/member_space_limits/excluded_users/add",
       {{"users", json::array({by_email("uma@acme.com")})}}},
      {"team/groups/members/add",
       {{"group", projects},
        {"members",
         json::array({json{{"user", by_email("amy@acme.com")}, {"access_type", "owner"}}})}}},
      {"team/groups/update",
       {{"group", projects}, {"new_group_name", "Plans"}, {"new_group_external_id", "plans"}}},
      {"team/groups/delete", sales},
      {"team/members/set_admin_permissions_v2",
       {{"user", by_email("amy@acme.com")},
        {"new_roles", json::array({"pid_dbtmr:billing_admin"})}}},
  };
  for (const auto& [route, arg] : changes) {
    const auto reply = team.call(route, arg);
    INFO(route << ": " << reply.body);
    REQUIRE(reply.status == 200);
  }
  REQUIRE(team.admin_post("verify_secondary_email", {{"email", "a@home.org"}}).status == 200);
  const auto before = team.admin_get("state").json();
  team.restart();
  CHECK(team.admin_get("state").json() == before);
  const auto amy = member_profile(team, "amy@acme.com");
  CHECK(amy.at("secondary_emails").size() == 2);
  CHECK(amy.at("secondary_emails")[1].at("is_verified") == true);
  CHECK(amy.at("groups") == json::array({acme_group_id(3)}));
  CHECK(quotas_of(team, {"amy@acme.com"})[0].at("quota_gb") == 9);
  CHECK(team.call("team/member_space_limits/excluded_users/list", json::object())
            .json()
            .at("users")[0]
            .at("email") == "uma@acme.com");
  CHECK(team.call("team/groups/delete", sales).json() ==
        error_body({{".tag", "group_already_deleted"}}));
  const auto info =
      team.call("team/groups/get_info",
                {{".tag", "group_external_ids"}, {"group_external_ids", json::array({"plans"})}});
  CHECK(info.json()[0].at("group_name") == "Plans");
  CHECK(info.json()[0].at("members")[0].at("access_type") == json{{".tag", "owner"}});
}
