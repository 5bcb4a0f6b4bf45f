// HttpTeamApi against roster-emulator over loopback: paging, auth, error classes.
#include <catch2/catch.hpp>

#include "roster/dropbox/http_team_api.hpp"
#include "roster/dropbox/observe.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;
using test::SeedMember;

namespace {

struct Client {
  core::SystemClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  std::unique_ptr<dropbox::TeamApi> api;

  Client(const std::string& url, dropbox::Credentials credentials, int max_attempts = 6,
         std::chrono::seconds timeout = std::chrono::seconds(60)) {
    dropbox::HttpTeamApiConfig config;
    config.api_url = url;
    config.timeout = timeout;
    config.retry.max_attempts = max_attempts;
    config.retry.initial_backoff = std::chrono::milliseconds(20);
    auto made = dropbox::make_http_team_api(config, std::move(credentials), stop, gate);
    REQUIRE(made);
    api = std::move(*made);
  }
};

dropbox::Credentials token(const std::string& t) {
  dropbox::Credentials c;
  c.access_token = t;
  return c;
}

std::vector<SeedMember> many_members(int n) {
  std::vector<SeedMember> members;
  for (int i = 0; i < n; ++i) {
    members.push_back({"m" + std::to_string(i) + "@acme.com", i % 10 == 3 ? "suspended" : "active",
                       "Given", "Sur", "E" + std::to_string(i)});
  }
  members.push_back({"gone@acme.com", "removed"});
  return members;
}

}  // namespace

TEST_CASE("the client reads every page of a large team and who owns the token", "[live][client]") {
  EmulatorRunner emulator(test::make_seed(many_members(2345)));
  Client client(emulator.url(), token(emulator.token()));
  auto team = dropbox::observe_team(*client.api);
  REQUIRE(team);
  CHECK(team->members.size() == 2347);  // admin + 2345 + one removed
  CHECK(team->team_name == "Acme Corp");
  CHECK(team->team_id == "dbtid:AAtest");
  CHECK(team->authenticated_admin_email == "admin@acme.com");
  std::size_t suspended = 0, removed = 0;
  for (const auto& m : team->members) {
    suspended += m.status == model::MemberStatus::suspended ? 1U : 0U;
    removed += m.status == model::MemberStatus::removed ? 1U : 0U;
  }
  CHECK(suspended == 235);
  CHECK(removed == 1);
  CHECK(emulator.calls("team/members/list_v2") == 1);
  CHECK(emulator.calls("team/members/list/continue_v2") == 2);
}

TEST_CASE("a listing that fails part-way gives no team at all", "[live][client]") {
  EmulatorRunner emulator(test::make_seed(many_members(1500)));
  emulator.fault(R"({"route": "team/members/list/continue_v2", "kind": "500", "count": 10})");
  Client client(emulator.url(), token(emulator.token()), 3);
  auto team = dropbox::observe_team(*client.api);
  REQUIRE_FALSE(team);
  CHECK(team.error().kind == core::ErrorKind::unavailable);
  CHECK(team.error().message ==
        "listing the team failed after 1000 members, so no plan was made: Dropbox server error "
        "500 on team/members/list/continue_v2");
  CHECK(emulator.calls("team/members/list/continue_v2") == 3);  // retried, then given up
}

TEST_CASE("rate limits and server errors on reads are retried", "[live][client]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  emulator.fault(
      R"({"route": "team/members/list_v2", "kind": "429", "count": 1, "retry_after": 1})");
  emulator.fault(R"({"route": "team/get_info", "kind": "503", "count": 2})");
  Client client(emulator.url(), token(emulator.token()));
  auto started = std::chrono::steady_clock::now();
  auto team = dropbox::observe_team(*client.api);
  REQUIRE(team);
  CHECK(team->members.size() == 2);
  CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(950));
  CHECK(emulator.calls("team/get_info") == 3);
}

TEST_CASE("auth failures are distinct errors that never show the token", "[live][client]") {
  EmulatorRunner emulator("", "the-right-token");
  Client wrong(emulator.url(), token("sl.WRONG-secret-token-value"));
  auto info = wrong.api->get_team_info();
  REQUIRE_FALSE(info);
  CHECK(info.error().kind == core::ErrorKind::unauthorized);
  CHECK(info.error().http_status == 401);
  CHECK(info.error().api_tag == "invalid_access_token");
  CHECK(info.error().message ==
        "the Dropbox token is invalid or revoked (401 invalid_access_token)");

  Client unreachable("http://127.0.0.1:1", token("x-token"), 1);
  auto nothing = unreachable.api->get_team_info();
  REQUIRE_FALSE(nothing);
  CHECK(nothing.error().kind == core::ErrorKind::unavailable);
  CHECK(nothing.error().message.rfind("cannot reach http://127.0.0.1:1/: ", 0) == 0);
}

TEST_CASE("plain http is refused for hosts other than loopback", "[live][client]") {
  core::SystemClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  dropbox::HttpTeamApiConfig config;
  config.api_url = "http://api.dropboxapi.com";
  auto made = dropbox::make_http_team_api(config, token("t"), stop, gate);
  REQUIRE_FALSE(made);
  CHECK(made.error().message ==
        "--api-url http://api.dropboxapi.com: plain http:// is allowed only for loopback "
        "addresses (127.0.0.0/8, [::1], localhost); use https://");
  config.api_url = "ftp://example.com";
  CHECK_FALSE(dropbox::make_http_team_api(config, token("t"), stop, gate));
}

TEST_CASE("a 400 answer is reported with Dropbox's plain-text reason", "[live][client]") {
  EmulatorRunner emulator("");
  Client client(emulator.url(), token(emulator.token()));
  auto added = client.api->add_members({{"not-an-email", {}, {}, {}, true}});
  REQUIRE_FALSE(added);
  CHECK(added.error().kind == core::ErrorKind::invalid_input);
  CHECK(added.error().http_status == 400);
  CHECK(added.error().message.rfind("Dropbox rejected the call to team/members/add_v2 (400): "
                                    "Error in call to API function \"team/members/add_v2\": ",
                                    0) == 0);
}

TEST_CASE("the refresh grant gets a token, and refreshes once it expires", "[live][client]") {
  EmulatorRunner emulator("", "long-lived", {"--token-lifetime-seconds", "3600"});
  dropbox::Credentials credentials;
  credentials.refresh_token = "roster-emulator-refresh-token";
  credentials.app_key = "roster-emulator-app-key";
  credentials.app_secret = "roster-emulator-app-secret";
  Client client(emulator.url(), credentials);
  REQUIRE(client.api->get_team_info());
  CHECK(emulator.calls("oauth2/token") == 1);
  emulator.advance_clock(7200);  // the issued token is now expired for the server
  auto info = client.api->get_team_info();
  REQUIRE(info);
  CHECK(emulator.calls("oauth2/token") == 2);
  CHECK(emulator.calls("team/get_info") == 3);  // ok, 401 expired, ok again

  credentials.refresh_token = "revoked-refresh-token";
  Client revoked(emulator.url(), credentials);
  auto refused = revoked.api->get_team_info();
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == core::ErrorKind::unauthorized);
  CHECK(refused.error().message ==
        "the OAuth2 refresh was refused (400 invalid_grant): check DROPBOX_REFRESH_TOKEN, "
        "DROPBOX_APP_KEY and DROPBOX_APP_SECRET");
}

TEST_CASE("a request, or a token refresh, that gets no answer ends at its timeout",
          "[live][client][waits]") {
  EmulatorRunner emulator("", "long-lived");
  emulator.fault(
      R"({"route": "team/get_info", "kind": "latency", "latency_ms": 4000, "count": 1})");
  Client client(emulator.url(), token(emulator.token()), 1, std::chrono::seconds(1));
  auto started = std::chrono::steady_clock::now();
  auto info = client.api->get_team_info();
  REQUIRE_FALSE(info);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(2500));
  CHECK(info.error().kind == core::ErrorKind::unavailable);
  CHECK(info.error().message ==
        "cannot reach " + emulator.url() + "/: no answer within 1 s (the request timed out)");

  emulator.fault(R"({"route": "oauth2/token", "kind": "latency", "latency_ms": 4000, "count": 1})");
  dropbox::Credentials refresh;
  refresh.refresh_token = "roster-emulator-refresh-token";
  refresh.app_key = "roster-emulator-app-key";
  refresh.app_secret = "roster-emulator-app-secret";
  Client refreshing(emulator.url(), refresh, 1, std::chrono::seconds(1));
  started = std::chrono::steady_clock::now();
  auto refreshed = refreshing.api->get_team_info();
  REQUIRE_FALSE(refreshed);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(2500));
  CHECK(refreshed.error().message ==
        "cannot reach " + emulator.url() + "/: no answer within 1 s (the request timed out)");
  CHECK(emulator.calls("team/get_info") == 1);  // the refresh failed, nothing else was sent
}
