// members/bulk_suspend (issue 10): rows suspended at launch, a job reporting counts only.
#include <catch2/catch.hpp>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

json row(const std::string& item, json user) {
  return {{"client_item_id", item},
          {"suspend_arg", {{"user", std::move(user)}, {"wipe_data", false}}}};
}

}  // namespace

TEST_CASE("bulk_suspend suspends the rows it can and its job reports counts only",
          "[emulator][bulk_suspend]") {
  TestTeam team(Mode::http, acme_seed());
  const auto launched = team.call(
      "team/members/bulk_suspend",
      {{"members",
        json::array({row("a", by_email("amy@acme.com")), row("i", by_email("ian@acme.com")),
                     row("s", by_email("sue@acme.com")), row("g", by_email("ghost@acme.com")),
                     row("u", by_email("uma@acme.com")), row("r", by_email("rita@acme.com"))})}});
  REQUIRE(launched.status == 200);
  REQUIRE(launched.json().at(".tag") == "async_job_id");
  // The rows are applied at launch (decision 0104); the job only reports.
  CHECK(member_profile(team, "amy@acme.com").at("status") == json{{".tag", "suspended"}});
  CHECK(member_profile(team, "uma@acme.com").at("status") == json{{".tag", "suspended"}});
  CHECK(member_profile(team, "ian@acme.com").at("status") == json{{".tag", "invited"}});
  const json poll = {{"async_job_id", launched.json().at("async_job_id")}};
  const char* status = "team/members/bulk_suspend/job_status/check";
  team.restart();  // the job and its counts are durable
  CHECK(team.call(status, poll).json() == json{{".tag", "in_progress"}});
  CHECK(team.call(status, poll).json() ==
        json{{".tag", "complete"},
             {"requested", 6},
             {"suspended", 2},
             {"failed", 4},
             {"unknown", 0},
             {"report_delivery", {{".tag", "bulk_suspend_report_delivery_status_delivered"}}}});
  // Another route's job is not this route's to poll, nor the other way round.
  CHECK(team.call("team/members/remove/job_status/get", poll).json() ==
        error_body({{".tag", "invalid_async_job_id"}}));
}

TEST_CASE("a refused bulk_suspend launch suspends nobody", "[emulator][bulk_suspend]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto refused = team.call(
      "team/members/bulk_suspend",
      {{"members",
        json::array({row("a", by_email("amy@acme.com")), row("b", by_email("admin@acme.com"))})}});
  CHECK(refused.json() == error_body({{".tag", "acting_admin"}}));
  CHECK(member_profile(team, "amy@acme.com").at("status") == json{{".tag", "active"}});
  const auto bad = team.call("team/members/bulk_suspend",
                             {{"members", json::array({json{{"client_item_id", "a"}}})}});
  CHECK(bad.status == 400);
  CHECK(bad.body.find("members[0]") != std::string::npos);
}

TEST_CASE("bulk_suspend launch rejections follow the spec's tags and change nothing",
          "[emulator][bulk_suspend]") {
  // uma (a user management admin) owns the token, so admin@ is the only team admin.
  TestTeam team(Mode::routes, acme_seed(10, R"("admin_email": "uma@acme.com")"));
  auto launch = [&](json rows) {
    return team.call("team/members/bulk_suspend", {{"members", std::move(rows)}}).json();
  };
  CHECK(launch(json::array()) == error_body({{".tag", "invalid_request"}}));
  auto many = json::array();
  for (int i = 0; i < 501; ++i)
    many.push_back(row("r" + std::to_string(i), by_email("x" + std::to_string(i) + "@acme.com")));
  CHECK(launch(many) == error_body({{".tag", "too_many_members"}}));
  many.erase(many.end() - 1);  // 500 is the limit, not past it
  CHECK(launch(many).at(".tag") == "async_job_id");
  CHECK(launch(json::array(
            {row("a", by_email("amy@acme.com")), row("a", by_email("sue@acme.com"))})) ==
        error_body({{".tag", "duplicate_client_item_id"}}));
  // One member named twice, by two kinds of selector.
  const std::string amy_id = member_profile(team, "amy@acme.com").at("team_member_id");
  CHECK(launch(json::array({row("a", by_email("amy@acme.com")),
                            row("b", {{".tag", "team_member_id"}, {"team_member_id", amy_id}})})) ==
        error_body({{".tag", "duplicate_team_member_id"}}));
  CHECK(launch(json::array(
            {row("a", by_email("amy@acme.com")), row("b", by_email("admin@acme.com"))})) ==
        error_body({{".tag", "last_admin"}}));
  CHECK(member_profile(team, "amy@acme.com").at("status") == json{{".tag", "active"}});
  CHECK(member_profile(team, "admin@acme.com").at("status") == json{{".tag", "active"}});
}

TEST_CASE("bulk_suspend rows are typed like members/suspend, jobs are its own",
          "[emulator][bulk_suspend]") {
  TestTeam team(Mode::routes, acme_seed());
  json bad_wipe = row("a", by_email("amy@acme.com"));
  bad_wipe["suspend_arg"]["wipe_data"] = "yes";
  const auto refused =
      team.call("team/members/bulk_suspend", {{"members", json::array({bad_wipe})}});
  CHECK(refused.status == 400);
  CHECK(refused.body.find("wipe_data") != std::string::npos);
  CHECK(team.call("team/members/bulk_suspend/job_status/check", {{"async_job_id", "dbjid:nope"}})
            .json() == error_body({{".tag", "invalid_async_job_id"}}));
}

TEST_CASE("bulk_suspend naming every admin of a team with several fails only the last row",
          "[emulator][bulk_suspend]") {
  // uma (a user management admin) owns the token; admin@ and tia@ are the team admins.
  TestTeam team(Mode::routes,
                with_members(acme_seed(10, R"("admin_email": "uma@acme.com")"),
                             R"({"email": "tia@acme.com", "given_name": "Tia", "surname": "Two",
                                 "role": "team_admin"})"));
  const auto launched = team.call("team/members/bulk_suspend",
                                  {{"members", json::array({row("a", by_email("admin@acme.com")),
                                                            row("t", by_email("tia@acme.com")),
                                                            row("m", by_email("amy@acme.com"))})}});
  REQUIRE(launched.status == 200);
  REQUIRE(launched.json().at(".tag") == "async_job_id");
  CHECK(member_profile(team, "admin@acme.com").at("status") == json{{".tag", "suspended"}});
  // The row that would have left the team without an admin failed; the others went on.
  CHECK(member_profile(team, "tia@acme.com").at("status") == json{{".tag", "active"}});
  CHECK(member_profile(team, "amy@acme.com").at("status") == json{{".tag", "suspended"}});
  const json poll = {{"async_job_id", launched.json().at("async_job_id")}};
  const char* status = "team/members/bulk_suspend/job_status/check";
  CHECK(team.call(status, poll).json() == json{{".tag", "in_progress"}});
  const auto done = team.call(status, poll).json();
  CHECK(done.at("requested") == 3);
  CHECK(done.at("suspended") == 2);
  CHECK(done.at("failed") == 1);
}
