// What one client may hold of the server: read deadlines, a connection limit and a body
// limit, over real sockets (decision 0106). Each case used to hold a thread for as long
// as the client wanted.
#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "roster/emulator/emulator.hpp"
#include "support/emulator_process.hpp"
#include "support/process.hpp"
#include "support/raw_socket.hpp"
#include "support/temp_dir.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator;
using namespace roster::emulator::test;
using namespace std::chrono_literals;

namespace {

struct Running {
  TempDir dir;
  std::unique_ptr<Emulator> emulator;
};

std::unique_ptr<Running> start(void (*adjust)(EmulatorOptions&)) {
  auto running = std::make_unique<Running>();
  EmulatorOptions options;
  options.state_path = running->dir.file("state.json");
  options.token = k_token;
  adjust(options);
  auto emulator = Emulator::start(options);
  REQUIRE(emulator);
  running->emulator = std::move(*emulator);
  return running;
}

const ClientRequest k_get_info{"POST", "/2/team/get_info", "", std::string("Bearer ") + k_token,
                               std::nullopt};

std::string status_line(const std::string& response) {
  return response.substr(0, response.find("\r\n"));
}

std::string body_of(const std::string& response) {
  const auto end = response.find("\r\n\r\n");
  return end == std::string::npos ? std::string() : response.substr(end + 4);
}

// Served connections are counted until their thread notices the peer left.
int get_info_status_soon(std::uint16_t port) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    const auto status = HttpClient(port).send(k_get_info).status;
    if (status != 503) return status;
    std::this_thread::sleep_for(20ms);
  }
  return 503;
}

}  // namespace

TEST_CASE("an idle connection is closed after the header timeout, without an answer",
          "[emulator][limits]") {
  const auto running = start([](EmulatorOptions& o) { o.header_timeout = 200ms; });
  RawSocket idle(running->emulator->port());
  const auto received = idle.read_until_closed(5s);
  CHECK(received.closed);
  CHECK(received.bytes.empty());
  CHECK(received.after >= 150ms);
  CHECK(received.after < 3s);
}

TEST_CASE("headers that stop arriving get 408 after the header timeout", "[emulator][limits]") {
  const auto running = start([](EmulatorOptions& o) { o.header_timeout = 200ms; });
  RawSocket slow(running->emulator->port());
  slow.send("POST /2/team/get_info HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  const auto received = slow.read_until_closed(5s);
  CHECK(received.closed);
  CHECK(status_line(received.bytes) == "HTTP/1.1 408 Request Timeout");
  CHECK(body_of(received.bytes) == "Request Timeout: the headers did not arrive within 200 ms");
  CHECK(HttpClient(running->emulator->port()).send(k_get_info).status == 200);
}

TEST_CASE("a declared 60 MB body of which 4 bytes arrive gets 408 after the body timeout",
          "[emulator][limits]") {
  const auto running = start([](EmulatorOptions& o) { o.body_timeout = 300ms; });
  RawSocket slow(running->emulator->port());
  slow.send(
      "POST /2/team/members/list_v2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
      "application/json\r\nContent-Length: 60000000\r\n\r\n{\"li");
  const auto received = slow.read_until_closed(5s);
  CHECK(received.closed);
  CHECK(received.after < 3s);
  CHECK(status_line(received.bytes) == "HTTP/1.1 408 Request Timeout");
  CHECK(body_of(received.bytes) == "Request Timeout: the body did not arrive within 300 ms");
  CHECK(HttpClient(running->emulator->port()).send(k_get_info).status == 200);
}

TEST_CASE("a body over the limit gets 413 before it is read", "[emulator][limits]") {
  SECTION("the default limit, 64 MiB") {
    TestTeam team(Mode::http, acme_seed());
    RawSocket big(team.port());
    big.send(
        "POST /2/team/members/list_v2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
        "application/json\r\nContent-Length: 70000000\r\n\r\n");
    const auto received = big.read_until_closed(5s);
    CHECK(status_line(received.bytes) == "HTTP/1.1 413 Payload Too Large");
    CHECK(body_of(received.bytes) ==
          "Payload Too Large: request bodies are limited to 67108864 bytes");
    CHECK(received.closed);
  }
  SECTION("a configured limit") {
    const auto running = start([](EmulatorOptions& o) { o.max_body_bytes = 1024; });
    HttpClient client(running->emulator->port());
    const auto reply = client.send({"POST", "/2/team/members/list_v2", std::string(2000, ' '),
                                    std::string("Bearer ") + k_token, "application/json"});
    CHECK(reply.status == 413);
    CHECK(reply.body == "Payload Too Large: request bodies are limited to 1024 bytes");
    CHECK(client
              .send({"POST", "/2/team/members/list_v2", "{}", std::string("Bearer ") + k_token,
                     "application/json"})
              .status == 200);
  }
}

TEST_CASE("past the default 256 connections, new ones get 503", "[emulator][limits]") {
  TestTeam team(Mode::http, acme_seed());
  std::vector<std::unique_ptr<RawSocket>> idle;
  for (int i = 0; i < 260; ++i)
    idle.push_back(std::make_unique<RawSocket>(team.port()));
  const auto refused = HttpClient(team.port()).send(k_get_info);
  CHECK(refused.status == 503);
  CHECK(refused.body == "Service Unavailable: more than 256 connections are open; try again later");
  idle.clear();
  CHECK(get_info_status_soon(team.port()) == 200);
}

TEST_CASE("connections past the limit hold no more than a few threads", "[emulator][limits]") {
  const auto running = start([](EmulatorOptions& o) { o.max_connections = 4; });
  const auto port = running->emulator->port();
  const auto before = thread_count();
  std::vector<std::unique_ptr<RawSocket>> idle;
  for (int i = 0; i < 600; ++i)
    idle.push_back(std::make_unique<RawSocket>(port));
  std::this_thread::sleep_for(200ms);  // let the server accept what it will
  // 4 served + 16 answered 503; the rest were closed at once.
  CHECK(thread_count() <= before + 4 + 16);
  CHECK(idle.back()->read_until_closed(2s).closed);
  idle.clear();
  CHECK(get_info_status_soon(port) == 200);
}

TEST_CASE("the limits are flags of the binary", "[emulator][limits][process]") {
  TempDir dir;
  EmulatorProcess process({"--port", "0", "--state", dir.file("state.json"), "--token", k_token,
                           "--header-timeout-ms", "200", "--body-timeout-ms", "300",
                           "--max-connections", "2", "--max-body-bytes", "1024"});
  RawSocket idle(process.port());
  CHECK(idle.read_until_closed(5s).closed);
  HttpClient client(process.port());
  CHECK(client
            .send({"POST", "/2/team/members/list_v2", std::string(2000, ' '),
                   std::string("Bearer ") + k_token, "application/json"})
            .status == 413);
}

TEST_CASE("limits out of range are refused before the emulator starts",
          "[emulator][limits][process]") {
  TempDir dir;
  const std::pair<std::vector<std::string>, std::string> cases[] = {
      {{"--max-connections", "0"}, "--max-connections: Value 0 not in range 1 to 100000"},
      {{"--header-timeout-ms", "0"}, "--header-timeout-ms: Value 0 not in range 1 to 86400000"},
      {{"--body-timeout-ms", "-5"}, "--body-timeout-ms: Value -5 not in range 1 to 86400000"}};
  for (const auto& [flags, message] : cases) {
    INFO(message);
    std::vector<std::string> argv = {ROSTER_EMULATOR_BINARY, "--port", "0", "--state",
                                     dir.file("state.json")};
    argv.insert(argv.end(), flags.begin(), flags.end());
    const auto result = roster::test::run_process(argv);
    CHECK(result.exit_code != 0);
    CHECK(result.err.rfind(message + "\n", 0) == 0);
    CHECK(result.out.empty());
    CHECK_FALSE(std::filesystem::exists(dir.file("state.json")));
  }
}
