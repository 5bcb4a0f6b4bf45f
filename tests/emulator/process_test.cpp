// roster-emulator as a process: its first stdout line, clean shutdown on SIGTERM, and
// durability when killed with SIGKILL in the middle of traffic.
#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "support/emulator_process.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

const std::string k_bearer = std::string("Bearer ") + k_token;

json list_everyone(std::uint16_t port) {
  HttpClient client(port);
  auto page = client
                  .send({"POST", "/2/team/members/list_v2", R"({"include_removed": true})",
                         k_bearer, "application/json"})
                  .json();
  json members = page.at("members");
  while (page.at("has_more").get<bool>()) {
    page = client
               .send({"POST", "/2/team/members/list/continue_v2",
                      json{{"cursor", page.at("cursor")}}.dump(), k_bearer, "application/json"})
               .json();
    for (const auto& item : page.at("members"))
      members.push_back(item);
  }
  return members;
}

// Makes the new invitee active, then suspends it; true when the suspension was acknowledged.
bool accept_invite_and_suspend(HttpClient& client, const std::string& email) {
  const auto accepted =
      client.send({"POST", "/_emulator/accept_invite", json{{"email", email}}.dump(), std::nullopt,
                   "application/json"});
  if (accepted.status != 200) return false;
  const auto reply =
      client.send({"POST", "/2/team/members/suspend", json{{"user", by_email(email)}}.dump(),
                   k_bearer, "application/json"});
  return reply.status == 200;
}

}  // namespace

TEST_CASE("the binary announces its port and stops cleanly on SIGTERM", "[emulator][process]") {
  TempDir dir;
  EmulatorProcess process({"--port", "0", "--state", dir.file("state.json"), "--token", k_token});
  CHECK(process.first_line() == "listening on http://127.0.0.1:" + std::to_string(process.port()));
  HttpClient client(process.port());
  CHECK(client.send({"POST", "/2/team/get_info", "", k_bearer, std::nullopt}).status == 200);
  const auto status = process.stop(SIGTERM);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("every acknowledged change survives SIGKILL in the middle of traffic",
          "[emulator][process][persistence]") {
  TempDir dir;
  const std::vector<std::string> arguments = {"--port",  "0",    "--state", dir.file("state.json"),
                                              "--token", k_token};
  std::set<std::string> added, suspended;
  std::mutex mutex;
  {
    EmulatorProcess process(arguments);
    std::atomic<bool> stop{false};
    std::atomic<int> acknowledged{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < 4; ++w) {
      writers.emplace_back([&, w] {
        HttpClient client(process.port());
        for (int i = 0; !stop; ++i) {
          const auto email = "w" + std::to_string(w) + "-" + std::to_string(i) + "@acme.com";
          const json add = {
              {"new_members", json::array({json::object({{"member_email", email}})})}};
          const auto reply = client.send(
              {"POST", "/2/team/members/add_v2", add.dump(), k_bearer, "application/json"});
          if (reply.status != 200) break;  // the process is gone
          {
            std::lock_guard lock(mutex);
            added.insert(email);
          }
          ++acknowledged;
          if (accept_invite_and_suspend(client, email)) {
            std::lock_guard lock(mutex);
            suspended.insert(email);
          }
        }
      });
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (acknowledged < 60 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::yield();
    }
    process.stop(SIGKILL);  // mid-traffic: writers are still sending
    stop = true;
    for (auto& thread : writers)
      thread.join();
  }
  REQUIRE(added.size() >= 60);
  EmulatorProcess restarted(arguments);
  std::map<std::string, std::string> status;
  for (const auto& member : list_everyone(restarted.port())) {
    status[member.at("profile").at("email")] = member.at("profile").at("status").at(".tag");
  }
  for (const auto& email : added) {
    INFO(email);
    REQUIRE(status.count(email) == 1);
  }
  for (const auto& email : suspended) {
    INFO(email);
    CHECK(status[email] == "suspended");
  }
}
