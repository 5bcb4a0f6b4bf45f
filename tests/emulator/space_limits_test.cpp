// member_space_limits/*: custom quotas per member (set, get, remove, per-user results) and
// the excluded users list (add, remove, list with cursor and continue).
#include <catch2/catch.hpp>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

json quota(const std::string& user, int gb) {
  return {{"user", by_email(user)}, {"quota_gb", gb}};
}

json users(std::initializer_list<const char*> emails) {
  auto list = json::array();
  for (const auto* email : emails)
    list.push_back(by_email(email));
  return list;
}

json get_quotas(TestTeam& team, json list) {
  const auto reply = team.call("team/member_space_limits/get_custom_quota", {{"users", list}});
  REQUIRE(reply.status == 200);
  return reply.json();
}

json success(const std::string& user, std::optional<int> gb) {
  json item = {{".tag", "success"}, {"user", by_email(user)}};
  if (gb) item["quota_gb"] = *gb;
  return item;
}

json invalid_user(const std::string& user) {
  return {{".tag", "invalid_user"}, {"invalid_user", by_email(user)}};
}

std::vector<std::string> excluded_emails(const json& page) {
  std::vector<std::string> out;
  for (const auto& profile : page.at("users"))
    out.push_back(profile.at("email").get<std::string>());
  return out;
}

// acme_seed() without its 100 GB member space limit.
std::string without_team_limit() {
  auto seed = acme_seed();
  const std::string key = R"("member_space_limit_gb": 100,)";
  seed.erase(seed.find(key), key.size());
  return seed;
}

}  // namespace

TEST_CASE("custom quotas are set, read and removed with one result per user",
          "[emulator][space_limits]") {
  TestTeam team(Mode::http, acme_seed());
  const auto set = team.call(
      "team/member_space_limits/set_custom_quota",
      {{"users_and_quotas", json::array({quota("amy@acme.com", 5), quota("ghost@acme.com", 5),
                                         quota("sue@acme.com", 2048), quota("rita@acme.com", 5),
                                         quota("ian@acme.com", 3)})}});
  REQUIRE(set.status == 200);
  CHECK(set.json() == json::array({success("amy@acme.com", 5), invalid_user("ghost@acme.com"),
                                   success("sue@acme.com", 2048), invalid_user("rita@acme.com"),
                                   success("ian@acme.com", 3)}));
  CHECK(get_quotas(
            team, users({"amy@acme.com", "uma@acme.com", "elsewhere@other.com", "sue@acme.com"})) ==
        json::array({success("amy@acme.com", 5), success("uma@acme.com", std::nullopt),
                     invalid_user("elsewhere@other.com"), success("sue@acme.com", 2048)}));
  const auto removed = team.call("team/member_space_limits/remove_custom_quota",
                                 {{"users", users({"amy@acme.com", "uma@acme.com", "x@y.com"})}});
  REQUIRE(removed.status == 200);
  CHECK(removed.json() ==
        json::array({json{{".tag", "success"}, {"success", by_email("amy@acme.com")}},
                     json{{".tag", "success"}, {"success", by_email("uma@acme.com")}},
                     invalid_user("x@y.com")}));
  CHECK(get_quotas(team, users({"amy@acme.com", "sue@acme.com"})) ==
        json::array({success("amy@acme.com", std::nullopt), success("sue@acme.com", 2048)}));
  // Setting a quota again replaces it; an empty list is an empty answer.
  team.call("team/member_space_limits/set_custom_quota",
            {{"users_and_quotas", json::array({quota("sue@acme.com", 7)})}});
  CHECK(get_quotas(team, users({"sue@acme.com"})) == json::array({success("sue@acme.com", 7)}));
  CHECK(get_quotas(team, json::array()) == json::array());
}

TEST_CASE("a custom quota below 2 GB, or a missing quota, is a 400 naming the field",
          "[emulator][space_limits]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto small = team.call("team/member_space_limits/set_custom_quota",
                               {{"users_and_quotas", json::array({quota("amy@acme.com", 1)})}});
  CHECK(small.status == 400);
  CHECK(small.body.find("users_and_quotas[0].quota_gb") != std::string::npos);
  const auto missing =
      team.call("team/member_space_limits/set_custom_quota",
                {{"users_and_quotas", json::array({json{{"user", by_email("amy@acme.com")}}})}});
  CHECK(missing.status == 400);
  CHECK(missing.body.find("quota_gb") != std::string::npos);
  CHECK(get_quotas(team, users({"amy@acme.com"})) ==
        json::array({success("amy@acme.com", std::nullopt)}));
}

TEST_CASE("a team without a member space limit refuses custom quotas and changes nothing",
          "[emulator][space_limits]") {
  TestTeam team(Mode::routes, without_team_limit());
  const auto set = team.call("team/member_space_limits/set_custom_quota",
                             {{"users_and_quotas", json::array({quota("amy@acme.com", 5)})}});
  CHECK(set.status == 400);
  CHECK(set.body.find("the team has no member space limit") != std::string::npos);
  CHECK(get_quotas(team, users({"amy@acme.com"})) ==
        json::array({success("amy@acme.com", std::nullopt)}));
  // Removing and excluding need no team limit.
  CHECK(team.call("team/member_space_limits/remove_custom_quota",
                  {{"users", users({"amy@acme.com"})}})
            .status == 200);
}

TEST_CASE("excluded users are added, removed and listed in pages", "[emulator][space_limits]") {
  TestTeam team(Mode::http, acme_seed());
  team.call("team/member_space_limits/set_custom_quota",
            {{"users_and_quotas", json::array({quota("uma@acme.com", 9)})}});
  const auto added = team.call("team/member_space_limits/excluded_users/add",
                               {{"users", users({"uma@acme.com", "amy@acme.com", "ian@acme.com",
                                                 "sue@acme.com", "amy@acme.com"})}});
  REQUIRE(added.status == 200);
  CHECK(added.json() == json{{"status", {{".tag", "success"}}}});
  // Exclusion lifts every limit, the custom one too.
  CHECK(get_quotas(team, users({"uma@acme.com"})) ==
        json::array({success("uma@acme.com", std::nullopt)}));
  const auto first = team.call("team/member_space_limits/excluded_users/list", {{"limit", 3}});
  REQUIRE(first.status == 200);
  CHECK(excluded_emails(first.json()) ==
        std::vector<std::string>{"amy@acme.com", "ian@acme.com", "sue@acme.com"});
  CHECK(first.json().at("has_more") == true);
  CHECK(first.json().at("users")[0].at("team_member_id") ==
        member_profile(team, "amy@acme.com").at("team_member_id"));
  const auto rest = team.call("team/member_space_limits/excluded_users/list/continue",
                              {{"cursor", first.json().at("cursor")}});
  REQUIRE(rest.status == 200);
  CHECK(excluded_emails(rest.json()) == std::vector<std::string>{"uma@acme.com"});
  CHECK(rest.json().at("has_more") == false);
  CHECK_FALSE(rest.json().contains("cursor"));
  const auto removed = team.call("team/member_space_limits/excluded_users/remove",
                                 {{"users", users({"amy@acme.com", "sue@acme.com"})}});
  CHECK(removed.json() == json{{"status", {{".tag", "success"}}}});
  // Removing a member who is not excluded, or nobody at all, is a success too.
  CHECK(team.call("team/member_space_limits/excluded_users/remove",
                  {{"users", users({"amy@acme.com"})}})
            .status == 200);
  CHECK(team.call("team/member_space_limits/excluded_users/add", json::object()).status == 200);
  const auto all = team.call("team/member_space_limits/excluded_users/list", json::object());
  CHECK(excluded_emails(all.json()) == std::vector<std::string>{"ian@acme.com", "uma@acme.com"});
  CHECK(all.json().at("has_more") == false);
}

TEST_CASE("excluded users and custom quotas: a rejected call changes nothing",
          "[emulator][space_limits]") {
  TestTeam team(Mode::routes, acme_seed());
  team.call("team/member_space_limits/excluded_users/add", {{"users", users({"uma@acme.com"})}});
  CHECK(team.call("team/member_space_limits/set_custom_quota",
                  {{"users_and_quotas",
                    json::array({quota("amy@acme.com", 5), quota("uma@acme.com", 5)})}})
            .json() == error_body({{".tag", "some_users_are_excluded"}}));
  CHECK(get_quotas(team, users({"amy@acme.com"})) ==
        json::array({success("amy@acme.com", std::nullopt)}));
  CHECK(team.call("team/member_space_limits/excluded_users/add",
                  {{"users", users({"amy@acme.com", "olga@acme.com"})}})
            .json() == error_body({{".tag", "users_not_in_team"}}));
  const auto listed = team.call("team/member_space_limits/excluded_users/list", json::object());
  CHECK(excluded_emails(listed.json()) == std::vector<std::string>{"uma@acme.com"});
  CHECK(team.call("team/member_space_limits/excluded_users/list", {{"limit", 0}}).status == 400);
  CHECK(team.call("team/member_space_limits/excluded_users/list", {{"limit", 1001}}).status == 400);
}
