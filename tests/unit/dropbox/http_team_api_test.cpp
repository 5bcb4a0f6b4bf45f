// HttpTeamApi over a scripted transport and a manual clock: the request bound and job
// polls. Everything that crosses real HTTP is in tests/integration/.
#include <catch2/catch.hpp>

#include <future>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "dropbox/http_team_api_parts.hpp"
#include "dropbox/read_only_routes.hpp"
#include "dropbox/transport/request_slots.hpp"
#include "support/fake_team_api.hpp"

using namespace roster;
using namespace std::chrono;

namespace {

class ScriptedTransport final : public dropbox::HttpTransport {
 public:
  using Handler = std::function<core::Result<dropbox::HttpResponse>(const std::string& path)>;
  ScriptedTransport(Handler handler, std::map<std::string, dropbox::Connection>& connections)
      : m_handler(std::move(handler)), m_connections(connections) {}
  core::Result<dropbox::HttpResponse> post(const std::string& path, const std::string&,
                                           const std::string&,
                                           const std::vector<std::pair<std::string, std::string>>&,
                                           dropbox::Connection connection) override {
    {
      std::lock_guard lock(m_mutex);
      m_connections[path] = connection;
    }
    return m_handler(path);
  }

 private:
  Handler m_handler;
  std::mutex m_mutex;
  std::map<std::string, dropbox::Connection>& m_connections;  // the last one asked per path
};

dropbox::HttpResponse ok(std::string body) {
  dropbox::HttpResponse r;
  r.status = 200;
  r.body = std::move(body);
  r.content_type = "application/json";
  return r;
}

struct Client {
  test::ManualClock clock;
  core::RunStop stop{clock};
  core::RateGate gate;
  std::map<std::string, dropbox::Connection> connections;
  std::unique_ptr<dropbox::TeamApi> api;

  explicit Client(ScriptedTransport::Handler handler, int max_in_flight = 8) {
    dropbox::HttpTeamApiConfig config;
    config.max_in_flight = max_in_flight;
    dropbox::Credentials credentials;
    credentials.access_token = "sl.token";
    api = dropbox::make_http_team_api(
        config, std::make_unique<ScriptedTransport>(handler, connections), credentials, stop, gate);
  }
};

}  // namespace

TEST_CASE("a request slot is given back on every path, exceptions included", "[dropbox]") {
  dropbox::RequestSlots slots(2);
  {
    auto a = slots.acquire();
    CHECK(slots.available() == 1);
    try {
      auto b = slots.acquire();
      CHECK(slots.available() == 0);
      throw std::runtime_error("boom");
    } catch (const std::runtime_error&) {
    }
    CHECK(slots.available() == 1);
  }
  CHECK(slots.available() == 2);
}

TEST_CASE("writes ask for a connection of their own, reads may share pooled ones", "[dropbox]") {
  Client client([&](const std::string& path) -> core::Result<dropbox::HttpResponse> {
    if (path == "/2/team/members/suspend" || path == "/2/team/members/unsuspend") return ok("null");
    if (path == "/2/team/get_info") return ok(R"({"name": "Acme", "team_id": "dbtid:1"})");
    return ok(R"({"members": [], "cursor": "c", "has_more": false})");
  });
  REQUIRE(client.api->get_team_info());
  std::string next;
  REQUIRE(client.api->list_members_page("", next));
  REQUIRE(client.api->suspend("dbmid:1", false));
  REQUIRE(client.api->unsuspend("dbmid:1"));
  CHECK(client.connections.at("/2/team/get_info") == dropbox::Connection::pooled);
  CHECK(client.connections.at("/2/team/members/list_v2") == dropbox::Connection::pooled);
  CHECK(client.connections.at("/2/team/members/suspend") == dropbox::Connection::fresh);
  CHECK(client.connections.at("/2/team/members/unsuspend") == dropbox::Connection::fresh);
}

TEST_CASE("only known read-only routes may be resent by the HTTP library", "[dropbox]") {
  CHECK(dropbox::is_read_only_route("members/list_v2"));
  CHECK(dropbox::is_read_only_route("members/bulk_suspend/job_status/check"));
  // Writes, and anything not in the list (a route added later), get a fresh connection.
  CHECK_FALSE(dropbox::is_read_only_route("members/bulk_suspend"));
  CHECK_FALSE(dropbox::is_read_only_route("members/send_welcome_email"));
  CHECK_FALSE(dropbox::is_read_only_route("members/add_v2"));
  CHECK_FALSE(dropbox::is_read_only_route("members/list_v2/"));
  CHECK_FALSE(dropbox::is_read_only_route(""));
}

TEST_CASE("a transport that throws does not leak the client's only request slot", "[dropbox]") {
  int calls = 0;
  Client client(
      [&](const std::string&) -> core::Result<dropbox::HttpResponse> {
        if (++calls == 1) throw std::runtime_error("transport blew up");
        return ok(R"({"name": "Acme", "team_id": "dbtid:1"})");
      },
      1);
  CHECK_THROWS_AS(client.api->get_team_info(), std::runtime_error);
  // A leaked slot would block this call forever: run it aside and give it 10 s.
  auto done = std::make_shared<std::promise<bool>>();
  auto finished = done->get_future();
  std::thread([api = client.api.get(), done] {
    done->set_value(bool(api->get_team_info()));
  }).detach();
  REQUIRE(finished.wait_for(seconds(10)) == std::future_status::ready);
  CHECK(finished.get());
}

TEST_CASE("an async job that never finishes fails its call after a bounded time", "[dropbox]") {
  int polls = 0;
  Client client([&](const std::string& path) -> core::Result<dropbox::HttpResponse> {
    if (path == "/2/team/members/remove") {
      return ok(R"({".tag": "async_job_id", "async_job_id": "job-1"})");
    }
    ++polls;
    return ok(R"({".tag": "in_progress"})");
  });
  auto started = client.clock.now();
  auto removed = client.api->remove("dbmid:1", {});
  REQUIRE_FALSE(removed);
  CHECK(removed.error().message ==
        "team/members/remove/job_status/get: job job-1 did not finish within 900 s; it may "
        "still finish: plan again to see");
  CHECK_FALSE(core::is_retryable(removed.error()));  // sending the removal again won't help
  auto waited = client.clock.now() - started;
  CHECK(waited >= minutes(15));
  CHECK(waited < minutes(16));
  CHECK(polls < 500);  // polled every 2 s at most once warmed up, not hammered
}

TEST_CASE("a run that stops ends a job's polling at once", "[dropbox][stop]") {
  Client client([&](const std::string& path) -> core::Result<dropbox::HttpResponse> {
    if (path == "/2/team/members/add_v2") {
      return ok(R"({".tag": "async_job_id", "async_job_id": "job-2"})");
    }
    return ok(R"({".tag": "in_progress"})");
  });
  client.stop.set_deadline(client.clock.now() + seconds(30));
  auto added = client.api->add_members({{"a@x.com", {}, {}, {}, true}});
  REQUIRE_FALSE(added);
  CHECK(added.error().message ==
        "team/members/add/job_status/get_v2: stopped waiting for job job-2 (the run stopped); "
        "it may still finish: plan again to see");
  CHECK(client.clock.now() - core::Clock::time_point{} <= seconds(30));
}

TEST_CASE("a groups/delete job is polled with the same bound as other jobs", "[dropbox][access]") {
  Client client([&](const std::string& path) -> core::Result<dropbox::HttpResponse> {
    if (path == "/2/team/groups/delete") {
      return ok(R"({".tag": "async_job_id", "async_job_id": "job-3"})");
    }
    return ok(R"({".tag": "in_progress"})");
  });
  auto deleted = client.api->delete_group("g:1");
  REQUIRE_FALSE(deleted);
  CHECK(deleted.error().message ==
        "team/groups/job_status/get: job job-3 did not finish within 900 s; it may still "
        "finish: plan again to see");
  Client at_once([&](const std::string&) -> core::Result<dropbox::HttpResponse> {
    return ok(R"({".tag": "complete"})");
  });
  CHECK(at_once.api->delete_group("g:1"));
}

TEST_CASE("a listing whose cursor does not move fails instead of looping", "[dropbox][access]") {
  int pages = 0;
  Client client([&](const std::string&) -> core::Result<dropbox::HttpResponse> {
    ++pages;
    return ok(R"({"groups": [], "cursor": "same", "has_more": true})");
  });
  auto groups = client.api->list_groups();
  REQUIRE_FALSE(groups);
  CHECK(groups.error().message ==
        "unexpected answer from team/groups/list/continue: the cursor did not move");
  CHECK(pages == 2);
  Client no_cursor([&](const std::string&) -> core::Result<dropbox::HttpResponse> {
    return ok(R"({"users": [], "has_more": true})");
  });
  auto excluded = no_cursor.api->list_quota_excluded();
  REQUIRE_FALSE(excluded);
  CHECK(excluded.error().message ==
        "unexpected answer from team/member_space_limits/excluded_users/list: has_more without "
        "a cursor");
}

TEST_CASE("a malformed group in a listing fails the read with its location", "[dropbox][access]") {
  Client client([&](const std::string&) -> core::Result<dropbox::HttpResponse> {
    return ok(
        R"({"groups": [{"group_name": "S", "group_id": "g:1"}], "cursor": "", "has_more": false})");
  });
  auto groups = client.api->list_groups();
  REQUIRE_FALSE(groups);
  CHECK(groups.error().message ==
        "unexpected answer from team/groups/list: answer.groups[0]: missing required field "
        "\"group_management_type\"");
}

TEST_CASE("a bulk suspend job that failed as a whole is a job with its failure, not an error",
          "[dropbox][bulk]") {
  Client client([&](const std::string& path) -> core::Result<dropbox::HttpResponse> {
    if (path == "/2/team/members/bulk_suspend")
      return ok(R"({".tag": "async_job_id", "async_job_id": "dbjid:1"})");
    return ok(R"({".tag": "failed", "failed": {".tag": "unusable_result"}})");
  });
  auto id = client.api->launch_bulk_suspend({{"step-0", "dbmid:a", false}});
  REQUIRE(id);
  CHECK(*id == "dbjid:1");
  auto job = client.api->wait_bulk_suspend(*id);
  REQUIRE(job);
  CHECK(job->failure == "unusable_result");
}

TEST_CASE("get_info_v2 answers must match the ids asked, in order", "[dropbox][bulk]") {
  const std::string member =
      R"({".tag": "member_info", "profile": {"team_member_id": "dbmid:a", "email": "a@x.com",
      "email_verified": true, "status": {".tag": "suspended"}, "name": {"given_name": "A",
      "surname": "B", "familiar_name": "A", "display_name": "A B", "abbreviated_name": "AB"},
      "membership_type": {".tag": "full"}, "groups": [], "member_folder_id": "1",
      "root_folder_id": "2"}, "roles": []})";
  std::string answer;
  Client client(
      [&](const std::string&) -> core::Result<dropbox::HttpResponse> { return ok(answer); });
  answer = R"({"members_info": [)" + member +
           R"(, {".tag": "id_not_found", "id_not_found": "dbmid:gone"}]})";
  auto read = client.api->get_members({"dbmid:a", "dbmid:gone"});
  REQUIRE(read);
  REQUIRE(read->size() == 2);
  CHECK((*read)[0]->status == model::MemberStatus::suspended);
  CHECK_FALSE((*read)[1].has_value());

  auto swapped = client.api->get_members({"dbmid:gone", "dbmid:a"});
  REQUIRE_FALSE(swapped);
  CHECK(swapped.error().message ==
        "unexpected answer from team/members/get_info_v2: members_info[0] is dbmid:a, not "
        "dbmid:gone");
  answer = R"({"members_info": [)" + member + "]}";
  auto short_answer = client.api->get_members({"dbmid:a", "dbmid:b"});
  REQUIRE_FALSE(short_answer);
  CHECK(short_answer.error().message ==
        "unexpected answer from team/members/get_info_v2: 1 answers for 2 members");
}
