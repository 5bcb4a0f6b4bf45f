// /_emulator/ endpoints: stats, faults, clock, state.
#include <catch2/catch.hpp>

#include "persistence/state_codec.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

TEST_CASE("stats count calls and statuses per route path", "[emulator][admin]") {
  TestTeam team(Mode::routes, acme_seed());
  team.call_void("team/get_info");
  team.call("team/members/add_v2",
            {{"new_members", json::array({json::object({{"member_email", "a@acme.com"}})})}});
  team.call("team/members/add_v2",
            {{"new_members", json::array({json::object({{"member_email", "b@acme.com"}})})}});
  team.call("team/members/suspend", {{"user", by_email("ghost@acme.com")}});
  const auto stats = team.admin_get("stats");
  REQUIRE(stats.status == 200);
  CHECK(stats.content_type == "application/json");
  const auto body = stats.json();
  CHECK(body.at("calls") ==
        json{{"team/get_info", 1}, {"team/members/add_v2", 2}, {"team/members/suspend", 1}});
  CHECK(body.at("statuses") == json{{"200", 3}, {"409", 1}});
  CHECK(body.at("route_statuses").at("team/members/suspend") == json{{"409", 1}});
}

TEST_CASE("faults answer the next N calls of a route with 429, 500 or 503",
          "[emulator][admin][faults]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto set = team.admin_post(
      "faults",
      {{"faults",
        json::array(
            {json::object({{"route", "team/members/list_v2"},
                           {"kind", "429"},
                           {"count", 2},
                           {"retry_after", 7}}),
             json::object({{"route", "team/get_info"}, {"kind", "500"}, {"count", 1}}),
             json::object(
                 {{"route", "/2/team/members/get_info_v2"}, {"kind", "503"}, {"count", 1}})})}});
  REQUIRE(set.status == 200);
  CHECK(set.json().at("faults").size() == 3);
  for (int i = 0; i < 2; ++i) {
    const auto limited = team.call("team/members/list_v2", json::object());
    CHECK(limited.status == 429);
    CHECK(limited.header("retry-after") == "7");
    CHECK(limited.json().at("error").at("retry_after") == 7);
  }
  CHECK(team.call("team/members/list_v2", json::object()).status == 200);
  CHECK(team.call_void("team/get_info").status == 500);
  CHECK(team.call_void("team/get_info").status == 200);
  CHECK(team.call("team/members/get_info_v2", {{"members", json::array()}}).status == 503);
  CHECK(team.admin_get("faults").json() == json{{"faults", json::array()}});
  CHECK(team.admin_get("stats").json().at("route_statuses").at("team/members/list_v2") ==
        json{{"200", 1}, {"429", 2}});
}

TEST_CASE("faults can drop the connection, add latency, fire by probability and be cleared",
          "[emulator][admin][faults]") {
  TestTeam team(Mode::routes, acme_seed());
  REQUIRE(team.admin_post("faults", {{"route", "team/get_info"}, {"kind", "drop"}, {"count", 1}})
              .status == 200);
  CHECK(team.call_void("team/get_info").status == 0);
  CHECK(team.call_void("team/get_info").status == 200);
  CHECK(team.admin_get("stats").json().at("statuses").at("dropped") == 1);

  REQUIRE(team.admin_post("faults", {{"kind", "500"}, {"probability", 1.0}}).status == 200);
  CHECK(team.call_void("team/get_info").status == 500);
  CHECK(team.call("team/members/list_v2", json::object()).status == 500);
  CHECK(team.admin_post("faults", {{"clear", true}}).json() == json{{"faults", json::array()}});
  CHECK(team.call_void("team/get_info").status == 200);

  REQUIRE(team.admin_post("faults", {{"kind", "500"}, {"probability", 0.0}}).status == 200);
  CHECK(team.call_void("team/get_info").status == 200);
  team.admin_post("faults", {{"clear", true}});

  CHECK(team.admin_post("faults", {{"kind", "teapot"}, {"count", 1}}).status == 400);
  CHECK(team.admin_post("faults", {{"kind", "500"}}).status == 400);
  CHECK(team.admin_post("faults", {{"kind", "500"}, {"count", 1}, {"colour", "red"}}).status ==
        400);
}

TEST_CASE("the clock endpoint moves time forward and reports it", "[emulator][admin]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto moved = team.admin_post("clock", {{"advance_seconds", 86400}});
  REQUIRE(moved.status == 200);
  CHECK(moved.json() == json{{"now", "2026-06-02T00:00:00Z"}, {"offset_seconds", 86400}});
  CHECK(team.admin_post("clock", {{"advance_seconds", "soon"}}).status == 400);
  const auto added =
      team.call("team/members/add_v2",
                {{"new_members", json::array({json::object({{"member_email", "t@acme.com"}})})}});
  CHECK(added.json().at("complete")[0].at("profile").at("invited_on") == "2026-06-02T00:00:00Z");
}

TEST_CASE("GET state returns the whole team as a state document", "[emulator][admin]") {
  TestTeam team(Mode::http, acme_seed());
  team.call("team/members/suspend", {{"user", by_email("amy@acme.com")}});
  const auto reply = team.admin_get("state");
  REQUIRE(reply.status == 200);
  CHECK(reply.content_type == "application/json");
  const auto state = reply.json();
  CHECK(state.at("team_name") == "Acme");
  CHECK(state.at("members").size() == 8);
  CHECK(state.at("members")[1].at("status") == "suspended");
  CHECK(state.at("groups").size() == 3);
  CHECK(roster::emulator::decode_state(reply.body, 0).has_value());
  CHECK(team.admin_get("nothing").status == 404);
}

TEST_CASE("every answer carries a Date header that follows the moved clock", "[emulator][admin]") {
  TestTeam team(Mode::routes, acme_seed());
  CHECK(team.call_void("team/get_info").header("date") == "Mon, 01 Jun 2026 00:00:00 GMT");
  team.admin_post("clock", {{"advance_seconds", 86400 + 3661}});
  // RFC 9110 §6.6.1: the origin server's clock, here the emulated one, on errors too.
  CHECK(team.call_void("team/no_such_route").header("date") == "Tue, 02 Jun 2026 01:01:01 GMT");
}
