// Which scopes a plan's writes need, and how HttpTeamApi asks for them without writing.
#include <catch2/catch.hpp>

#include "dropbox/http_team_api_parts.hpp"
#include "roster/dropbox/scope_needs.hpp"
#include "support/fake_team_api.hpp"

using namespace roster;
using dropbox::Write;

TEST_CASE("each write needs its route's scope, each scope probed once", "[dropbox][scopes]") {
  auto needs = dropbox::scope_needs(
      {Write::remove, Write::suspend, Write::recover, Write::add_members, Write::set_profile});
  REQUIRE(needs.size() == 2);
  CHECK(needs[0].scope == "members.write");
  CHECK(needs[0].routes ==
        "team/members/add_v2, team/members/suspend, team/members/set_profile_v2");
  CHECK(needs[0].probe == "members/add/job_status/get_v2");
  CHECK(needs[1].scope == "members.delete");
  CHECK(needs[1].routes == "team/members/remove, team/members/recover");
  CHECK(needs[1].probe == "members/remove/job_status/get");
  CHECK(dropbox::scope_needs({}).empty());
}

TEST_CASE("a scope is granted when polling a job that does not exist is refused with 409",
          "[dropbox][scopes]") {
  std::vector<std::string> paths;
  auto respond = [&](const std::string& path) -> core::Result<dropbox::HttpResponse> {
    paths.push_back(path);
    dropbox::HttpResponse r;
    r.content_type = "application/json";
    if (path == "/2/team/members/remove/job_status/get") {
      r.status = 401;
      r.body = R"({"error_summary": "missing_scope/..", "error": {".tag": "missing_scope", )"
               R"("required_scope": "members.delete"}})";
    } else {
      r.status = 409;
      r.body =
          R"({"error_summary": "invalid_async_job_id/..", "error": {".tag": "invalid_async_job_id"}})";
    }
    return r;
  };
  struct Transport final : dropbox::HttpTransport {
    std::function<core::Result<dropbox::HttpResponse>(const std::string&)> handler;
    core::Result<dropbox::HttpResponse> post(
        const std::string& path, const std::string&, const std::string&,
        const std::vector<std::pair<std::string, std::string>>&, dropbox::Connection) override {
      return handler(path);
    }
  };
  auto transport = std::make_unique<Transport>();
  transport->handler = respond;
  test::ManualClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  dropbox::Credentials credentials;
  credentials.access_token = "sl.token";
  auto api = dropbox::make_http_team_api({}, std::move(transport), credentials, stop, gate);
  CHECK(api->check_scopes({Write::suspend}));
  auto refused = api->check_scopes({Write::suspend, Write::remove});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().kind == core::ErrorKind::unauthorized);
  CHECK(refused.error().api_tag == "missing_scope");
  CHECK(refused.error().message ==
        "the Dropbox token lacks the scope members.delete, needed by team/members/remove "
        "(401 missing_scope)");
  CHECK(paths == std::vector<std::string>{"/2/team/members/add/job_status/get_v2",
                                          "/2/team/members/add/job_status/get_v2",
                                          "/2/team/members/remove/job_status/get"});
}
