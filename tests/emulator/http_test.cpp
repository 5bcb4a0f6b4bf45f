// The server over real loopback HTTP: keep-alive, dropped connections, latency,
// concurrency, and persistence across an in-process restart.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

ClientRequest get_info() {
  return {"POST", "/2/team/get_info", "", std::string("Bearer ") + k_token, std::nullopt};
}

}  // namespace

TEST_CASE("one keep-alive connection serves many requests", "[emulator][http]") {
  TestTeam team(Mode::http, acme_seed());
  HttpClient client(team.port());
  for (int i = 0; i < 50; ++i)
    REQUIRE(client.send(get_info()).status == 200);
  REQUIRE(client
              .send({"POST", "/2/team/members/suspend", "{", std::string("Bearer ") + k_token,
                     "application/json"})
              .status == 400);
  REQUIRE(client.send(get_info()).status == 200);
  CHECK(client.connections_opened() == 1);
}

TEST_CASE("a drop fault closes the connection without a response", "[emulator][http][faults]") {
  TestTeam team(Mode::http, acme_seed());
  REQUIRE(team.admin_post("faults", {{"route", "team/get_info"}, {"kind", "drop"}, {"count", 1}})
              .status == 200);
  HttpClient client(team.port());
  const auto dropped = client.send(get_info());
  CHECK(dropped.status == 0);
  CHECK(client.send(get_info()).status == 200);
  CHECK(client.connections_opened() == 2);
}

TEST_CASE("latency faults delay the answer", "[emulator][http][faults]") {
  TestTeam team(Mode::http, acme_seed());
  REQUIRE(
      team.admin_post(
              "faults",
              {{"route", "team/get_info"}, {"kind", "latency"}, {"count", 1}, {"latency_ms", 150}})
          .status == 200);
  HttpClient client(team.port());
  const auto start = std::chrono::steady_clock::now();
  CHECK(client.send(get_info()).status == 200);
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(150));
}

TEST_CASE("concurrent clients all get their changes applied", "[emulator][http]") {
  TestTeam team(Mode::http, acme_seed(1000));
  std::vector<std::thread> clients;
  std::atomic<int> successes{0};
  for (int c = 0; c < 6; ++c) {
    clients.emplace_back([&, c] {
      HttpClient client(team.port());
      for (int i = 0; i < 15; ++i) {
        const json arg = {
            {"new_members",
             json::array({json::object({{"member_email", "c" + std::to_string(c) + "-" +
                                                             std::to_string(i) + "@acme.com"}})})}};
        const auto reply = client.send({"POST", "/2/team/members/add_v2", arg.dump(),
                                        std::string("Bearer ") + k_token, "application/json"});
        if (reply.status == 200 && reply.json().at("complete")[0].at(".tag") == "success")
          ++successes;
      }
    });
  }
  for (auto& thread : clients)
    thread.join();
  CHECK(successes == 90);
  CHECK(team.call_void("team/get_info").json().at("num_used_licenses") == 95);
}

TEST_CASE("state survives a restart on the same state file", "[emulator][http][persistence]") {
  TestTeam team(Mode::http, acme_seed());
  REQUIRE(team.call("team/members/suspend", {{"user", by_email("amy@acme.com")}}).status == 200);
  REQUIRE(team.call("team/groups/create", {{"group_name", "Ops"}}).status == 200);
  team.advance_clock(3600);
  team.restart();
  const auto info =
      team.call("team/members/get_info_v2", {{"members", json::array({by_email("amy@acme.com")})}})
          .json();
  CHECK(info.at("members_info")[0].at("profile").at("status") == json{{".tag", "suspended"}});
  CHECK(team.call("team/groups/list", json::object()).json().at("groups").size() == 4);
  CHECK(team.admin_post("clock", {{"advance_seconds", 0}}).json().at("offset_seconds") == 3600);
}
