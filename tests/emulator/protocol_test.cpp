// HTTP-level rules (REFERENCE §1-§3): 400 plain text, 401 JSON, 429, Void handling,
// request ids, and the OAuth2 refresh grant.
#include <catch2/catch.hpp>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

const std::string k_bearer = std::string("Bearer ") + k_token;

ClientRequest post(std::string route, std::string body,
                   std::optional<std::string> type = "application/json") {
  return {"POST", "/2/" + route, std::move(body), k_bearer, std::move(type)};
}

void check_400(const Reply& reply, const std::string& route, const std::string& detail) {
  CHECK(reply.status == 400);
  CHECK(reply.content_type == "text/plain; charset=utf-8");
  CHECK(reply.body == "Error in call to API function \"" + route + "\": " + detail);
}

}  // namespace

TEST_CASE("bad requests are 400 with a plain-text message", "[emulator][protocol]") {
  const auto mode = GENERATE(Mode::routes, Mode::http);
  TestTeam team(mode, acme_seed());
  const std::string suspend = "team/members/suspend";
  check_400(team.send(post(suspend, "{\"user\": ")), suspend,
            "request body: could not decode input as JSON");
  check_400(team.send(post(suspend, "{}")), suspend,
            "request body: missing required field \"user\"");
  check_400(
      team.send(post(
          suspend, R"({"user": {".tag": "email", "email": "amy@acme.com"}, "wipe_data": "yes"})")),
      suspend, "request body: wipe_data: expected boolean, got string");
  check_400(team.send(post(suspend, R"({"user": {".tag": "nickname", "nickname": "amy"}})")),
            suspend, "request body: user: unknown tag 'nickname'");
  check_400(team.send(post(suspend, R"({"user": {".tag": "email", "email": "not-an-email"}})")),
            suspend, "request body: user.email: 'not-an-email' is not a valid email address");
  check_400(team.send(post(suspend,
                           R"({"user": {".tag": "email", "email": "amy@acme.com"}, "extra": 1})")),
            suspend, "request body: unknown field \"extra\"");
  check_400(team.send(post("team/members/list_v2", R"({"limit": 0})")), "team/members/list_v2",
            "request body: limit: 0 is not within range [1, 1000]");
  check_400(team.send(post("team/members/list_v2", R"({"limit": 1001})")), "team/members/list_v2",
            "request body: limit: 1001 is not within range [1, 1000]");
  check_400(
      team.send(post(
          "team/members/set_admin_permissions_v2",
          R"({"user": {".tag": "email", "email": "amy@acme.com"}, "new_roles": ["pid_dbtmr:a", "pid_dbtmr:b"]})")),
      "team/members/set_admin_permissions_v2",
      "request body: new_roles: list has more than 1 item");
  check_400(team.send(post("team/members/frobnicate", "{}")), "team/members/frobnicate",
            "Unknown API function: \"team/members/frobnicate\"");
  check_400(team.send(post(suspend, R"({"user": "email"})")), suspend,
            "request body: user: union member 'email' needs a value");
  check_400(team.send(post("team/get_info", "{}")), "team/get_info",
            "request body: expected null, got object");
  const auto wrong_type = team.send(post(suspend, "{}", "text/xml"));
  CHECK(wrong_type.status == 400);
  CHECK(wrong_type.body.find("Bad HTTP \"Content-Type\" header: \"text/xml\"") !=
        std::string::npos);
  const auto get = team.send({"GET", "/2/team/get_info", "", k_bearer, std::nullopt});
  CHECK(get.status == 400);
}

TEST_CASE("auth failures are 401 JSON AuthError bodies, a malformed header is a 400",
          "[emulator][protocol][auth]") {
  const auto mode = GENERATE(Mode::routes, Mode::http);
  TestTeam team(mode, acme_seed());
  const auto missing = team.send({"POST", "/2/team/get_info", "", std::nullopt, std::nullopt});
  CHECK(missing.status == 401);
  CHECK(missing.content_type == "application/json");
  CHECK(missing.json() == json{{"error_summary", "invalid_access_token/.."},
                               {"error", {{".tag", "invalid_access_token"}}}});
  const auto wrong = team.send({"POST", "/2/team/get_info", "", "Bearer nope", std::nullopt});
  CHECK(wrong.status == 401);
  CHECK(wrong.json().at("error") == json{{".tag", "invalid_access_token"}});
  const auto malformed = team.send({"POST", "/2/team/get_info", "", "Token abc", std::nullopt});
  CHECK(malformed.status == 400);
  CHECK(malformed.content_type == "text/plain; charset=utf-8");
}

TEST_CASE("the refresh grant issues short-lived tokens that expire into expired_access_token",
          "[emulator][protocol][auth]") {
  TestTeam team(Mode::http, acme_seed(), TeamOptions{0, 600, std::nullopt});
  const auto issued =
      team.send({"POST", "/oauth2/token",
                 "grant_type=refresh_token&refresh_token=roster-emulator-refresh-token"
                 "&client_id=roster-emulator-app-key&client_secret=roster-emulator-app-secret",
                 std::nullopt, "application/x-www-form-urlencoded"});
  REQUIRE(issued.status == 200);
  CHECK(issued.content_type == "application/json");
  const auto body = issued.json();
  CHECK(body.at("token_type") == "bearer");
  CHECK(body.at("expires_in") == 600);
  const auto token = "Bearer " + body.at("access_token").get<std::string>();
  CHECK(team.send({"POST", "/2/team/get_info", "", token, std::nullopt}).status == 200);
  team.advance_clock(601);
  const auto expired = team.send({"POST", "/2/team/get_info", "", token, std::nullopt});
  CHECK(expired.status == 401);
  CHECK(expired.json() == json{{"error_summary", "expired_access_token/.."},
                               {"error", {{".tag", "expired_access_token"}}}});
  SECTION("query parameters and Basic credentials work too") {
    const auto query = team.send(
        {"POST",
         "/oauth2/token?grant_type=refresh_token&refresh_token=roster-emulator-refresh-token"
         "&client_id=roster-emulator-app-key",
         "", "Basic cm9zdGVyLWVtdWxhdG9yLWFwcC1rZXk6cm9zdGVyLWVtdWxhdG9yLWFwcC1zZWNyZXQ=",
         "application/json"});
    CHECK(query.status == 200);
  }
  SECTION("a bad refresh token is invalid_grant, a bad secret invalid_client") {
    const auto bad = team.send(
        {"POST", "/oauth2/token",
         "grant_type=refresh_token&refresh_token=stolen&client_id=roster-emulator-app-key",
         std::nullopt, "application/x-www-form-urlencoded"});
    CHECK(bad.status == 400);
    CHECK(bad.json() == json{{"error", "invalid_grant"},
                             {"error_description", "refresh token is invalid or revoked"}});
    const auto secret =
        team.send({"POST", "/oauth2/token",
                   "grant_type=refresh_token&refresh_token=roster-emulator-refresh-token"
                   "&client_id=roster-emulator-app-key&client_secret=wrong",
                   std::nullopt, "application/x-www-form-urlencoded"});
    CHECK(secret.json().at("error") == "invalid_client");
  }
}

TEST_CASE("past --rate-limit requests get 429 with Retry-After and a RateLimitError",
          "[emulator][protocol]") {
  TestTeam team(Mode::routes, acme_seed(), TeamOptions{2, 14400, std::nullopt});
  CHECK(team.call_void("team/get_info").status == 200);
  CHECK(team.call_void("team/get_info").status == 200);
  const auto limited = team.call_void("team/get_info");
  CHECK(limited.status == 429);
  CHECK(limited.header("retry-after") == "1");
  CHECK(limited.json() ==
        json{{"error_summary", "too_many_requests/.."},
             {"error", {{"reason", {{".tag", "too_many_requests"}}}, {"retry_after", 1}}}});
  team.advance_monotonic(0.5);
  CHECK(team.call_void("team/get_info").status == 200);
}

TEST_CASE("Void routes accept no body or null, every answer has a request id",
          "[emulator][protocol]") {
  const auto mode = GENERATE(Mode::routes, Mode::http);
  TestTeam team(mode, acme_seed());
  const auto empty = team.call_void("team/get_info");
  const auto null = team.send(post("team/get_info", "null"));
  CHECK(empty.status == 200);
  CHECK(null.status == 200);
  CHECK(empty.content_type == "application/json");
  CHECK(empty.header("x-dropbox-request-id").size() == 32);
  CHECK(empty.header("x-dropbox-request-id") != null.header("x-dropbox-request-id"));
  const auto error = team.call("team/members/suspend", {{"user", by_email("ghost@acme.com")}});
  CHECK_FALSE(error.header("x-dropbox-request-id").empty());
  CHECK_FALSE(team.send(post("x", "{")).header("x-dropbox-request-id").empty());
}
