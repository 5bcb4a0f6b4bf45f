// Requests found by fuzzing and abuse that used to crash the emulator or overflow. Each
// gets a 400 naming the problem, and the emulator keeps serving (real sockets).
#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

std::string nested_objects(std::size_t depth) {
  std::string text;
  for (std::size_t i = 0; i < depth; ++i)
    text += "{\"a\":";
  return text + "1" + std::string(depth, '}');
}

Reply post_raw(TestTeam& team, const std::string& target, const std::string& body) {
  return team.send({"POST", target, body, std::string("Bearer ") + k_token, "application/json"});
}

void check_still_serving(TestTeam& team) {
  CHECK(team.call_void("team/get_info").status == 200);
  CHECK(team.admin_get("stats").status == 200);
}

}  // namespace

TEST_CASE("a 100,000-deep JSON body is refused with 400 on every route, and serving goes on",
          "[emulator][abuse][http]") {
  TestTeam team(Mode::http, acme_seed());
  for (const auto& body : {nested_arrays(100000), nested_objects(100000)}) {
    for (const auto* target :
         {"/_emulator/faults", "/_emulator/clock", "/_emulator/accept_invite"}) {
      INFO(target);
      const auto reply = post_raw(team, target, body);
      CHECK(reply.status == 400);
      CHECK(reply.body == "request body: JSON nested deeper than 64 levels");
    }
    const auto api = post_raw(team, "/2/team/members/list_v2", body);
    CHECK(api.status == 400);
    CHECK(api.body ==
          "Error in call to API function \"team/members/list_v2\": request body: could not "
          "decode input as JSON: nested deeper than 64 levels");
  }
  check_still_serving(team);
}

TEST_CASE("JSON nested 64 levels deep is still read", "[emulator][abuse]") {
  TestTeam team(Mode::routes, acme_seed());
  const auto reply = post_raw(team, "/2/team/members/list_v2", nested_arrays(64));
  CHECK(reply.status == 400);
  CHECK(reply.body.find("nested deeper") == std::string::npos);
  CHECK(post_raw(team, "/_emulator/clock", nested_arrays(64)).body ==
        "expected {\"advance_seconds\": N}");
}

TEST_CASE("a fault rule with a wrong JSON type gets a 400 naming the field", "[emulator][abuse]") {
  TestTeam team(Mode::http, acme_seed());
  const std::pair<json, const char*> cases[] = {
      {json{{"clear", "yes"}}, "clear must be true or false"},
      {json{{"faults", "all"}}, "faults must be a list"},
      {json{{"faults", json::array({json::array()})}}, "each fault must be an object"},
      {json{{"kind", 500}, {"count", 1}}, "kind must be one of 429, 500, 503, drop, latency"},
      {json{{"route", 5}, {"kind", "500"}, {"count", 1}}, "route must be a string"},
      {json{{"kind", "500"}, {"count", -1}}, "count must be a whole number from 1 to 4294967295"},
      {json{{"kind", "500"}, {"count", 1.5}}, "count must be a whole number from 1 to 4294967295"},
      {json{{"kind", "500"}, {"count", 5000000000}},
       "count must be a whole number from 1 to 4294967295"},
      {json{{"kind", "500"}, {"probability", "high"}}, "probability must be between 0 and 1"},
      {json{{"kind", "429"}, {"count", 1}, {"retry_after", "soon"}},
       "retry_after must be a whole number of seconds from 0 to 86400"},
      {json{{"kind", "429"}, {"count", 1}, {"retry_after", -1}},
       "retry_after must be a whole number of seconds from 0 to 86400"},
      {json{{"kind", "latency"}, {"count", 1}, {"latency_ms", "slow"}},
       "latency_ms must be a whole number from 0 to 600000"},
      {json{{"kind", "latency"}, {"count", 1}, {"latency_ms", -5}},
       "latency_ms must be a whole number from 0 to 600000"},
  };
  for (const auto& [body, message] : cases) {
    INFO(body.dump());
    const auto reply = team.admin_post("faults", body);
    CHECK(reply.status == 400);
    CHECK(reply.body == message);
  }
  CHECK(team.admin_get("faults").json() == json{{"faults", json::array()}});
  check_still_serving(team);
}

TEST_CASE("a request target that is not UTF-8 is refused and stats stay readable",
          "[emulator][abuse][http]") {
  TestTeam team(Mode::http, acme_seed());
  const auto reply = team.call_void("team/\xff\xfe");
  CHECK(reply.status == 400);
  CHECK(reply.body == "Bad Request: the request target is not UTF-8");
  const auto stats = team.admin_get("stats");
  REQUIRE(stats.status == 200);
  CHECK(stats.json().at("calls").size() == 0);
  check_still_serving(team);
}

TEST_CASE("advance_seconds that would overflow the clock is refused", "[emulator][abuse]") {
  TestTeam team(Mode::routes, acme_seed());
  const json too_far[] = {std::numeric_limits<std::int64_t>::max(),
                          std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::uint64_t>::max(), 3'200'000'000LL * 2};
  for (const auto& seconds : too_far) {
    INFO(seconds.dump());
    const auto reply = team.admin_post("clock", {{"advance_seconds", seconds}});
    CHECK(reply.status == 400);
    CHECK(reply.body ==
          "advance_seconds must keep the clock within 100 years of real time "
          "(offset now 0 s)");
  }
  CHECK(team.admin_post("clock", {{"advance_seconds", 0}}).json().at("offset_seconds") == 0);
  CHECK(team.admin_post("clock", {{"advance_seconds", -3600}}).json().at("offset_seconds") ==
        -3600);
}
