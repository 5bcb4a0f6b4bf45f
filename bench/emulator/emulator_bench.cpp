// Benchmark of roster-emulator with a 100,000-member team (docs/performance.md):
//   1. time to list the whole team through members/list_v2 + list/continue_v2 (median),
//   2. peak resident memory of the emulator process,
//   3. small requests per second with 8 concurrent keep-alive clients,
//   4. (for information) acknowledged single-member changes per second.
// Usage: emulator_bench [members=100000] [seconds=3]
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

const std::string k_token = "bench-token";

class Client {
 public:
  explicit Client(std::uint16_t port) : m_socket(m_io) {
    m_socket.connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), port));
    m_socket.set_option(tcp::no_delay(true));
  }
  std::pair<int, std::string> post(const std::string& route, const std::string& body) {
    http::request<http::string_body> request{http::verb::post, "/2/" + route, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::authorization, "Bearer " + k_token);
    request.set(http::field::content_type, "application/json");
    request.body() = body;
    request.prepare_payload();
    http::write(m_socket, request);
    http::response_parser<http::string_body> parser;
    parser.body_limit(256U << 20);
    http::read(m_socket, m_buffer, parser);
    return {static_cast<int>(parser.get().result_int()), std::move(parser.get().body())};
  }

 private:
  asio::io_context m_io;
  tcp::socket m_socket;
  boost::beast::flat_buffer m_buffer;
};

struct Process {
  pid_t pid = -1;
  std::uint16_t port = 0;
};

Process start_emulator(const std::string& state, const std::string& seed) {
  int out[2];
  if (pipe(out) != 0) std::exit(1);
  Process process;
  process.pid = fork();
  if (process.pid == 0) {
    dup2(out[1], STDOUT_FILENO);
    close(out[0]);
    execl(ROSTER_EMULATOR_BINARY, ROSTER_EMULATOR_BINARY, "--port", "0", "--state", state.c_str(),
          "--seed", seed.c_str(), "--token", k_token.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  close(out[1]);
  std::string line;
  char c = 0;
  pollfd ready{out[0], POLLIN, 0};
  while (poll(&ready, 1, 120000) > 0 && read(out[0], &c, 1) == 1 && c != '\n')
    line += c;
  close(out[0]);
  process.port = static_cast<std::uint16_t>(std::stoi(line.substr(line.rfind(':') + 1)));
  return process;
}

std::string read_status_field(pid_t pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(field + ":", 0) == 0) return line.substr(field.size() + 1);
  }
  return "?";
}

// Extracts "cursor" and "has_more" without building a DOM: the client's own parsing is
// not what this measures.
std::string field_after(const std::string& body, const std::string& key) {
  const auto at = body.rfind("\"" + key + "\":");
  if (at == std::string::npos) return {};
  auto start = at + key.size() + 3;
  if (body[start] == '"') return body.substr(start + 1, body.find('"', start + 1) - start - 1);
  return body.substr(start, body.find_first_of(",}", start) - start);
}

double list_everyone(std::uint16_t port, std::size_t& members, std::size_t& bytes) {
  Client client(port);
  const auto start = Clock::now();
  auto [status, body] = client.post("team/members/list_v2", R"({"limit": 1000})");
  members = 0;
  bytes = 0;
  for (;;) {
    if (status != 200) throw std::runtime_error("list failed: " + body);
    bytes += body.size();
    std::size_t at = 0;
    while ((at = body.find("\"team_member_id\"", at)) != std::string::npos)
      ++members, ++at;
    if (field_after(body, "has_more") != "true") break;
    const nlohmann::json next = {{"cursor", field_after(body, "cursor")}};
    std::tie(status, body) = client.post("team/members/list/continue_v2", next.dump());
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double throughput(std::uint16_t port, int clients, double seconds, const std::string& route,
                  const std::string& body) {
  std::atomic<bool> stop{false};
  std::atomic<long> done{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < clients; ++i) {
    threads.emplace_back([&] {
      Client client(port);
      while (!stop) {
        if (client.post(route, body).first != 200) throw std::runtime_error("request failed");
        ++done;
      }
    });
  }
  const auto start = Clock::now();
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& thread : threads)
    thread.join();
  return static_cast<double>(done) / std::chrono::duration<double>(Clock::now() - start).count();
}

double add_rate(std::uint16_t port, int clients, int per_client) {
  std::vector<std::thread> threads;
  const auto start = Clock::now();
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Client client(port);
      for (int i = 0; i < per_client; ++i) {
        const nlohmann::json arg = {
            {"new_members",
             nlohmann::json::array({nlohmann::json::object(
                 {{"member_email", "add" + std::to_string(c) + "-" + std::to_string(i) +
                                       "@bench.example.com"}})})}};
        client.post("team/members/add_v2", arg.dump());
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  return clients * per_client / std::chrono::duration<double>(Clock::now() - start).count();
}

void write_seed(const std::string& path, int members) {
  std::ofstream seed(path);
  seed
      << R"({"team_name": "Bench", "num_licensed_users": 1000000, "admin_email": "user0@bench.example.com", "members": [)";
  for (int i = 0; i < members; ++i) {
    seed << (i ? ",\n" : "\n") << R"({"email": "user)" << i
         << R"(@bench.example.com", "given_name": "Given)" << i
         << R"(", "surname": "Surname", "external_id": "E)" << i << '"'
         << (i == 0 ? R"(, "role": "team_admin")"
                    : (i % 10 == 9 ? R"(, "status": "suspended")" : ""))
         << '}';
  }
  seed << "]}\n";
}

}  // namespace

int main(int argc, char** argv) {
  const int members = argc > 1 ? std::stoi(argv[1]) : 100000;
  const double seconds = argc > 2 ? std::stod(argv[2]) : 3.0;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("roster-emulator-bench-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto seed = (dir / "seed.json").string();
  write_seed(seed, members);

  const auto start = Clock::now();
  const auto process = start_emulator((dir / "state.json").string(), seed);
  const double startup = std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<double> runs;
  std::size_t listed = 0, bytes = 0;
  for (int run = 0; run < 5; ++run)
    runs.push_back(list_everyone(process.port, listed, bytes));
  std::sort(runs.begin(), runs.end());

  const auto one_member =
      R"({"members": [{".tag": "email", "email": "user4242@bench.example.com"}]})";
  const double info_rate =
      throughput(process.port, 8, seconds, "team/members/get_info_v2", one_member);
  const double team_rate = throughput(process.port, 8, seconds, "team/get_info", "null");
  const double adds = add_rate(process.port, 8, 100);
  const auto peak = read_status_field(process.pid, "VmHWM");

  kill(process.pid, SIGTERM);
  waitpid(process.pid, nullptr, 0);
  std::filesystem::remove_all(dir);

  std::printf("members seeded:                     %d\n", members);
  std::printf("start-up (load seed, write state):  %.2f s\n", startup);
  std::printf(
      "full list_v2/continue_v2 listing:   median %.3f s (min %.3f, max %.3f; %zu members, %.1f "
      "MB)\n",
      runs[2], runs.front(), runs.back(), listed, static_cast<double>(bytes) / 1e6);
  std::printf("peak RSS of the emulator (VmHWM):  %s\n", peak.c_str());
  std::printf("get_info_v2 (1 member), 8 clients:  %.0f requests/s\n", info_rate);
  std::printf("team/get_info, 8 clients:           %.0f requests/s\n", team_rate);
  std::printf("add_v2 (1 member, fsync'd), 8 clients: %.0f changes/s\n", adds);
  return 0;
}
