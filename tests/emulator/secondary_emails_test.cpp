// members/secondary_emails/add, delete, resend_verification_emails: per-user and per-email
// results, verification by domain, and how secondary addresses interact with the rest.
#include <catch2/catch.hpp>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

json request(const std::string& user, json emails) {
  return {{"user", by_email(user)}, {"secondary_emails", std::move(emails)}};
}

json add(TestTeam& team, json requests) {
  const auto reply = team.call("team/members/secondary_emails/add",
                               {{"new_secondary_emails", std::move(requests)}});
  REQUIRE(reply.status == 200);
  return reply.json().at("results");
}

json call_results(TestTeam& team, const char* route, const char* key, json requests) {
  const auto reply = team.call(route, {{key, std::move(requests)}});
  REQUIRE(reply.status == 200);
  return reply.json().at("results");
}

json email_tag(const std::string& tag, const std::string& email) {
  return {{".tag", tag}, {tag, email}};
}

}  // namespace

TEST_CASE("secondary emails on a verified domain are verified at once, others are pending",
          "[emulator][secondary_emails]") {
  TestTeam team(Mode::http, acme_seed());
  const auto results =
      add(team, json::array({request(
                    "amy@acme.com", json::array({"amy.smith@acme.com", "amy@home.example.org"}))}));
  CHECK(results ==
        json::array({json{{".tag", "success"},
                          {"user", by_email("amy@acme.com")},
                          {"results", json::array({json{{".tag", "success"},
                                                        {"email", "amy.smith@acme.com"},
                                                        {"is_verified", true}},
                                                   json{{".tag", "success"},
                                                        {"email", "amy@home.example.org"},
                                                        {"is_verified", false}}})}}}));
  const json listed =
      json::array({json{{"email", "amy.smith@acme.com"}, {"is_verified", true}},
                   json{{"email", "amy@home.example.org"}, {"is_verified", false}}});
  CHECK(member_profile(team, "amy@acme.com").at("secondary_emails") == listed);
  const auto page = team.call("team/members/list_v2", {{"limit", 2}}).json();
  CHECK(page.at("members")[1].at("profile").at("secondary_emails") == listed);
  CHECK_FALSE(page.at("members")[0].at("profile").contains("secondary_emails"));  // none: omitted
  const auto group =
      team.call("team/groups/members/list",
                {{"group", {{".tag", "group_external_id"}, {"group_external_id", "sales"}}}});
  CHECK(group.json().at("members")[0].at("profile").at("secondary_emails") == listed);
}

TEST_CASE("without verified_domains, the admin's domain is the verified one",
          "[emulator][secondary_emails]") {
  TestTeam team(Mode::routes);  // admin@example.com
  const auto results = add(
      team,
      json::array({request("admin@example.com", json::array({"boss@EXAMPLE.com", "b@acme.com"}))}));
  CHECK(results[0].at("results")[0].at("is_verified") == true);
  CHECK(results[0].at("results")[1].at("is_verified") == false);
}

TEST_CASE("each email gets its own result: owned, pending, unavailable, over the limit",
          "[emulator][secondary_emails]") {
  TestTeam team(
      Mode::routes,
      acme_seed(10, R"("other_team_emails": ["elsewhere@other.com", "taken@other.com"])"));
  add(team,
      json::array({request("amy@acme.com", json::array({"amy.smith@acme.com", "amy@home.org"})),
                   request("uma@acme.com", json::array({"uma.m@acme.com"}))}));
  auto emails = json::array({"AMY@acme.com", "amy.smith@acme.com", "amy@home.org", "uma@acme.com",
                             "uma.m@acme.com", "taken@other.com", "rita@acme.com", "olga@acme.com",
                             "a1@acme.com", "a1@acme.com"});
  for (int i = 2; i <= 9; ++i)
    emails.push_back("a" + std::to_string(i) + "@acme.com");
  const auto results = add(team, json::array({request("amy@acme.com", emails)}));
  const auto& items = results[0].at("results");
  CHECK(items[0] == email_tag("already_owned_by_user", "AMY@acme.com"));  // the primary one
  CHECK(items[1] == email_tag("already_owned_by_user", "amy.smith@acme.com"));
  CHECK(items[2] == email_tag("already_pending", "amy@home.org"));
  CHECK(items[3] == email_tag("unavailable", "uma@acme.com"));     // another member's
  CHECK(items[4] == email_tag("unavailable", "uma.m@acme.com"));   // another's secondary
  CHECK(items[5] == email_tag("unavailable", "taken@other.com"));  // another team's
  CHECK(items[6] == email_tag("unavailable", "rita@acme.com"));    // recoverable member's
  CHECK(items[7].at(".tag") == "success");                         // olga is gone for good
  CHECK(items[8].at(".tag") == "success");
  CHECK(items[9] == email_tag("already_owned_by_user", "a1@acme.com"));  // named twice
  for (std::size_t i = 10; i < 16; ++i)
    CHECK(items[i].at(".tag") == "success");
  CHECK(items[16] == email_tag("reached_limit", "a8@acme.com"));  // 10 per member
  CHECK(items[17] == email_tag("reached_limit", "a9@acme.com"));
  CHECK(member_profile(team, "amy@acme.com").at("secondary_emails").size() == 10);
}

TEST_CASE("a user who cannot take secondary emails gets one user-level result",
          "[emulator][secondary_emails]") {
  TestTeam team(Mode::routes,
                with_members(acme_seed(), R"({"email": "vic@acme.com", "email_verified": false})"));
  const auto results =
      add(team, json::array({request("ian@acme.com", json::array({"ian2@acme.com"})),
                             request("vic@acme.com", json::array({"vic2@acme.com"})),
                             request("ghost@acme.com", json::array({"g2@acme.com"})),
                             request("rita@acme.com", json::array({"r2@acme.com"})),
                             request("elsewhere@other.com", json::array({"e2@acme.com"})),
                             request("sue@acme.com", json::array({"sue2@acme.com"}))}));
  CHECK(results[0] ==
        json{{".tag", "placeholder_user"}, {"placeholder_user", by_email("ian@acme.com")}});
  CHECK(results[1] == json{{".tag", "unverified"}, {"unverified", by_email("vic@acme.com")}});
  CHECK(results[2] == json{{".tag", "invalid_user"}, {"invalid_user", by_email("ghost@acme.com")}});
  CHECK(results[3] == json{{".tag", "invalid_user"}, {"invalid_user", by_email("rita@acme.com")}});
  CHECK(results[4].at(".tag") == "invalid_user");
  CHECK(results[5].at(".tag") == "success");  // suspended members keep their account
  // Once the invitee joins, the placeholder account is a real one.
  REQUIRE(team.admin_post("accept_invite", {{"email", "ian@acme.com"}}).status == 200);
  CHECK(add(team, json::array({request("ian@acme.com", json::array({"ian2@acme.com"}))}))[0].at(
            ".tag") == "success");
}

TEST_CASE("delete and resend answer per email - verification makes an address not pending",
          "[emulator][secondary_emails]") {
  TestTeam team(Mode::routes, acme_seed());
  add(team,
      json::array({request("amy@acme.com", json::array({"amy.smith@acme.com", "amy@home.org"}))}));
  const auto resent = call_results(
      team, "team/members/secondary_emails/resend_verification_emails", "emails_to_resend",
      json::array({request("amy@acme.com",
                           json::array({"amy@home.org", "amy.smith@acme.com", "nope@acme.com"})),
                   request("ghost@acme.com", json::array({"x@acme.com"}))}));
  CHECK(
      resent ==
      json::array({json{{".tag", "success"},
                        {"user", by_email("amy@acme.com")},
                        {"results", json::array({email_tag("success", "amy@home.org"),
                                                 email_tag("not_pending", "amy.smith@acme.com"),
                                                 email_tag("not_pending", "nope@acme.com")})}},
                   json{{".tag", "invalid_user"}, {"invalid_user", by_email("ghost@acme.com")}}}));
  const auto verified = team.admin_post("verify_secondary_email", {{"email", "AMY@home.org"}});
  REQUIRE(verified.status == 200);
  CHECK(verified.json().at("profile").at("secondary_emails")[1].at("is_verified") == true);
  CHECK(team.admin_post("verify_secondary_email", {{"email", "amy@home.org"}}).status == 404);
  const auto deleted = call_results(
      team, "team/members/secondary_emails/delete", "emails_to_delete",
      json::array({request("amy@acme.com",
                           json::array({"AMY.SMITH@acme.com", "nope@acme.com", "amy@acme.com"})),
                   request("rita@acme.com", json::array({"x@acme.com"}))}));
  CHECK(deleted ==
        json::array(
            {json{{".tag", "success"},
                  {"user", by_email("amy@acme.com")},
                  {"results", json::array({email_tag("success", "AMY.SMITH@acme.com"),
                                           email_tag("not_found", "nope@acme.com"),
                                           email_tag("cannot_remove_primary", "amy@acme.com")})}},
             json{{".tag", "invalid_user"}, {"invalid_user", by_email("rita@acme.com")}}}));
  CHECK(member_profile(team, "amy@acme.com").at("secondary_emails") ==
        json::array({json{{"email", "amy@home.org"}, {"is_verified", true}}}));
}

TEST_CASE(
    "a secondary address belongs to its member: not invitable, not another's primary, "
    "promotable, freed by removal",
    "[emulator][secondary_emails]") {
  TestTeam team(Mode::routes, acme_seed());
  add(team, json::array({request("amy@acme.com", json::array({"amy.smith@acme.com"}))}));
  const auto invite =
      team.call("team/members/add_v2",
                {{"new_members", json::array({json{{"member_email", "Amy.Smith@acme.com"}}})}});
  CHECK(invite.json().at("complete")[0] == email_tag("user_already_on_team", "Amy.Smith@acme.com"));
  CHECK(team.call("team/members/set_profile_v2",
                  {{"user", by_email("uma@acme.com")}, {"new_email", "amy.smith@acme.com"}})
            .json() == error_body({{".tag", "email_reserved_for_other_user"}}));
  const auto promoted =
      team.call("team/members/set_profile_v2",
                {{"user", by_email("amy@acme.com")}, {"new_email", "amy.smith@acme.com"}});
  REQUIRE(promoted.status == 200);
  CHECK_FALSE(promoted.json().at("member_info").at("profile").contains("secondary_emails"));
  add(team, json::array({request("uma@acme.com", json::array({"uma.m@acme.com"}))}));
  REQUIRE(team.call("team/members/remove", {{"user", by_email("uma@acme.com")}}).status == 200);
  CHECK(add(team, json::array({request("amy.smith@acme.com", json::array({"uma.m@acme.com"}))}))[0]
            .at("results")[0]
            .at(".tag") == "success");
}
