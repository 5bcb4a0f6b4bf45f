// Every route error of the catalogue, checked for status, Content-Type and exact body:
// once against the router (no sockets) and once over HTTP on loopback.
#include <catch2/catch.hpp>

#include "error_catalogue.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

void check_catalogue(Mode mode) {
  for (const auto& item : error_catalogue()) {
    DYNAMIC_SECTION(item.name) {
      TestTeam team(mode, acme_seed(item.licenses, item.extra_seed_keys));
      for (const auto& [route, arg] : item.setup) {
        INFO("setup " << route << " " << arg.dump());
        REQUIRE(team.call(route, arg).status == 200);
      }
      if (item.advance_seconds != 0) team.advance_clock(item.advance_seconds);
      const auto reply = team.call(item.route, item.arg);
      INFO(item.route << " " << item.arg.dump() << " -> " << reply.body);
      CHECK(reply.status == 409);
      CHECK(reply.content_type == "application/json");
      CHECK(reply.json() == error_body(item.error));
    }
  }
}

}  // namespace

TEST_CASE("every route error is a 409 with the exact Dropbox body (routes, no sockets)",
          "[emulator][errors]") {
  check_catalogue(Mode::routes);
}

TEST_CASE("every route error is a 409 with the exact Dropbox body over HTTP",
          "[emulator][errors][http]") {
  check_catalogue(Mode::http);
}

TEST_CASE("token/get_authenticated_admin reports mapping_not_found and admin_not_active",
          "[emulator][errors]") {
  SECTION("no admin is recorded for the token") {
    TestTeam team(Mode::routes, R"({"members": [{"email": "a@acme.com", "role": "team_admin"}]})");
    const auto reply = team.call_void("team/token/get_authenticated_admin");
    CHECK(reply.status == 409);
    CHECK(reply.json() == error_body({{".tag", "mapping_not_found"}}));
  }
  SECTION("the token's admin was demoted") {
    TestTeam team(Mode::http, acme_seed());
    REQUIRE(team.call("team/members/set_admin_permissions_v2",
                      {{"user", by_email("uma@acme.com")},
                       {"new_roles", json::array({"pid_dbtmr:team_admin"})}})
                .status == 200);
    REQUIRE(
        team.call("team/members/set_admin_permissions_v2",
                  {{"user", by_email("admin@acme.com")}, {"new_roles", nlohmann::json::array()}})
            .status == 200);
    const auto reply = team.call_void("team/token/get_authenticated_admin");
    CHECK(reply.status == 409);
    CHECK(reply.content_type == "application/json");
    CHECK(reply.json() == error_body({{".tag", "admin_not_active"}}));
  }
}

TEST_CASE("groups/job_status/get refuses to poll a members job with access_denied",
          "[emulator][errors]") {
  TestTeam team(Mode::http, acme_seed());
  const auto launched = team.call("team/members/remove", {{"user", by_email("amy@acme.com")}});
  REQUIRE(launched.status == 200);
  const auto job = launched.json().at("async_job_id").get<std::string>();
  const auto reply = team.call("team/groups/job_status/get", {{"async_job_id", job}});
  CHECK(reply.status == 409);
  CHECK(reply.json() == error_body({{".tag", "access_denied"}}));
  const auto wrong_route = team.call("team/members/add/job_status/get_v2", {{"async_job_id", job}});
  CHECK(wrong_route.json() == error_body({{".tag", "invalid_async_job_id"}}));
}
