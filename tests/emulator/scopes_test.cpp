// --scopes: a token without a route's scope gets Dropbox's 401 missing_scope, before its
// argument is even read, and nothing changes.
#include <catch2/catch.hpp>

#include <algorithm>

#include "roster/emulator/emulator.hpp"
#include "routes/routes.hpp"
#include "routes/scopes.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator;
using namespace roster::emulator::test;
using nlohmann::json;

namespace {

std::vector<std::string> all_scopes_but(std::string_view missing) {
  std::vector<std::string> scopes;
  for (const auto scope : known_scopes()) {
    if (scope != missing) scopes.emplace_back(scope);
  }
  return scopes;
}

json missing_scope_body(std::string_view scope) {
  return {{"error_summary", "missing_scope/.."},
          {"error", {{".tag", "missing_scope"}, {"required_scope", scope}}}};
}

// A body the route would accept: the scope check must come before any decoding anyway.
Reply call_route(TestTeam& team, const RouteSpec& route) {
  if (route.void_arg) return team.call_void(route.path);
  return team.call(route.path, json::object());
}

void check_every_route_needs_its_scope(Mode mode) {
  for (const auto scope : known_scopes()) {
    DYNAMIC_SECTION(scope) {
      TeamOptions options;
      options.scopes = all_scopes_but(scope);
      TestTeam team(mode, acme_seed(), options);
      int routes_of_scope = 0;
      for (const auto& route : api_routes()) {
        const auto reply = call_route(team, route);
        INFO(route.path << " -> " << reply.status << " " << reply.body);
        if (route.scope == scope) {
          ++routes_of_scope;
          CHECK(reply.status == 401);
          CHECK(reply.content_type == "application/json");
          CHECK(reply.json() == missing_scope_body(scope));
        } else {
          CHECK(reply.status != 401);
        }
      }
      CHECK(routes_of_scope > 0);
    }
  }
}

}  // namespace

TEST_CASE("each route answers 401 missing_scope when the token lacks its scope",
          "[emulator][scopes]") {
  check_every_route_needs_its_scope(Mode::routes);
}

TEST_CASE("missing_scope answers over HTTP too", "[emulator][scopes][http]") {
  check_every_route_needs_its_scope(Mode::http);
}

TEST_CASE("each scope class grants its own routes: read, write, delete, groups, team info",
          "[emulator][scopes]") {
  const std::tuple<const char*, const char*, json> allowed[] = {
      {"members.read", "team/members/list_v2", json::object()},
      {"members.write", "team/members/suspend", {{"user", by_email("amy@acme.com")}}},
      {"members.delete", "team/members/recover", {{"user", by_email("rita@acme.com")}}},
      {"groups.read", "team/groups/list", json::object()},
      {"groups.write", "team/groups/create", {{"group_name", "Ops"}}},
      {"team_info.read", "team/get_info", nullptr}};
  for (const auto& [scope, route, arg] : allowed) {
    INFO(scope);
    TeamOptions options;
    options.scopes = std::vector<std::string>{scope};
    TestTeam team(Mode::routes, acme_seed(), options);
    const auto reply = arg.is_null() ? team.call_void(route) : team.call(route, arg);
    CHECK(reply.status == 200);
    // Holding one scope grants nothing else: not even reading what it may write.
    const bool reads_members = std::string_view(scope) == "members.read";
    CHECK(team.call("team/members/list_v2", json::object()).status == (reads_members ? 200 : 401));
  }
}

TEST_CASE("a call refused for its scope changes nothing", "[emulator][scopes]") {
  TeamOptions options;
  options.scopes = std::vector<std::string>{"members.read", "members.write"};
  TestTeam team(Mode::routes, acme_seed(), options);
  const auto refused = team.call("team/members/remove", {{"user", by_email("amy@acme.com")}});
  CHECK(refused.json() == missing_scope_body("members.delete"));
  const auto info =
      team.call("team/members/get_info_v2", {{"members", json::array({by_email("amy@acme.com")})}});
  CHECK(info.json().at("members_info")[0].at("profile").at("status").at(".tag") == "active");
}

TEST_CASE("a bad token is invalid_access_token, not missing_scope", "[emulator][scopes]") {
  TeamOptions options;
  options.scopes = std::vector<std::string>{};
  TestTeam team(Mode::routes, acme_seed(), options);
  const auto reply =
      team.send({"POST", "/2/team/get_info", "", std::string("Bearer wrong"), std::nullopt});
  CHECK(reply.status == 401);
  CHECK(reply.json().at("error").at(".tag") == "invalid_access_token");
  CHECK(team.call_void("team/get_info").json() == missing_scope_body("team_info.read"));
}

TEST_CASE("tokens from the refresh grant carry the same scopes", "[emulator][scopes][oauth]") {
  TeamOptions options;
  options.scopes = std::vector<std::string>{"team_info.read"};
  TestTeam team(Mode::routes, acme_seed(), options);
  const auto grant = team.send({"POST", "/oauth2/token",
                                "grant_type=refresh_token&refresh_token=roster-emulator-refresh-"
                                "token&client_id=roster-emulator-app-key",
                                std::nullopt, "application/x-www-form-urlencoded"});
  REQUIRE(grant.status == 200);
  const auto bearer = "Bearer " + grant.json().at("access_token").get<std::string>();
  CHECK(team.send({"POST", "/2/team/get_info", "", bearer, std::nullopt}).status == 200);
  const auto refused =
      team.send({"POST", "/2/team/members/list_v2", "{}", bearer, "application/json"});
  CHECK(refused.status == 401);
  CHECK(refused.json() == missing_scope_body("members.read"));
}

TEST_CASE("an unknown scope stops the emulator with one line naming it", "[emulator][scopes]") {
  TempDir dir;
  EmulatorOptions options;
  options.state_path = dir.file("state.json");
  options.scopes = std::vector<std::string>{"members.read", "members.raed"};
  const auto started = Emulator::start(options);
  REQUIRE_FALSE(started);
  const std::string expected =
      "unknown scope \"members.raed\" (known: groups.read, groups.write, members.delete, "
      "members.read, members.write, team_info.read)";
  CHECK(started.error().message == expected);
  const auto result =
      roster::test::run_process({ROSTER_EMULATOR_BINARY, "--port", "0", "--state",
                                 dir.file("state.json"), "--scopes", "members.read,members.raed"});
  CHECK(result.exit_code == 1);
  CHECK(result.err == "roster-emulator: error: " + expected + "\n");
  CHECK_FALSE(std::filesystem::exists(dir.file("state.json")));
}
