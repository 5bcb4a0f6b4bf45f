#include "support/emulator_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <stdexcept>

#include "support/process.hpp"
#include "support/raw_http.hpp"

namespace roster::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device random;
  m_path = fs::temp_directory_path() /
           ("roster-test-" + std::to_string(::getpid()) + "-" + std::to_string(random()));
  fs::create_directories(m_path);
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(m_path, ignored);
}

std::string TempDir::write(const std::string& name, const std::string& content) const {
  std::string path = file(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

EmulatorRunner::EmulatorRunner(const std::string& seed_json, const std::string& token,
                               const std::vector<std::string>& extra)
    : m_token(token), m_extra(extra) {
  if (!seed_json.empty()) m_seed_path = m_dir.write("seed.json", seed_json);
  start();
}

EmulatorRunner::~EmulatorRunner() {
  kill_now(SIGKILL);
}

void EmulatorRunner::start() {
  std::vector<std::string> args = {ROSTER_EMULATOR_BINARY,   "--port",  "0",    "--state",
                                   m_dir.file("state.json"), "--token", m_token};
  if (!m_seed_path.empty()) args.insert(args.end(), {"--seed", m_seed_path});
  args.insert(args.end(), m_extra.begin(), m_extra.end());
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  ChildStdio stdio;
  stdio.out = out[1];
  m_pid = spawn_child(args, environment_with({}), stdio);  // throws: the test fails anyway
  ::close(out[1]);
  // The first line, waiting at most 10 s for it: a hung start fails this test quickly.
  std::string line;
  char c = 0;
  pollfd ready{out[0], POLLIN, 0};
  while (::poll(&ready, 1, 10000) > 0 && ::read(out[0], &c, 1) == 1 && c != '\n')
    line += c;
  ::close(out[0]);
  auto colon = line.rfind(':');
  if (line.rfind("listening on http://127.0.0.1:", 0) != 0 || colon == std::string::npos) {
    kill_now(SIGKILL);
    throw std::runtime_error("roster-emulator did not start: " + line);
  }
  m_port = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
}

void EmulatorRunner::kill_now(int signal) {
  if (m_pid <= 0) return;
  kill_child(m_pid, signal);
  m_pid = -1;
}

void EmulatorRunner::crash_and_restart() {
  kill_now(SIGKILL);
  start();
}

namespace {

core::json::Value parse_or_throw(const std::string& text) {
  core::json::Value value;
  std::string error;
  if (!core::json::parse(text, value, error))
    throw std::runtime_error("bad JSON from emulator: " + error);
  return value;
}

}  // namespace

core::json::Value EmulatorRunner::stats() {
  return parse_or_throw(raw_http(m_port, "GET", "/_emulator/stats").body);
}

core::json::Value EmulatorRunner::state() {
  return parse_or_throw(raw_http(m_port, "GET", "/_emulator/state").body);
}

int EmulatorRunner::calls(const std::string& route) {
  auto s = stats();
  const auto* calls = s.find("calls");
  const auto* n = calls != nullptr ? calls->find(route) : nullptr;
  return n != nullptr && n->is_number() ? static_cast<int>(n->as_number()) : 0;
}

void EmulatorRunner::fault(const std::string& rule_json) {
  auto r = raw_http(m_port, "POST", "/_emulator/faults", rule_json);
  if (r.status != 200) throw std::runtime_error("fault rejected: " + r.body);
}

void EmulatorRunner::advance_clock(long seconds) {
  raw_http(m_port, "POST", "/_emulator/clock",
           "{\"advance_seconds\": " + std::to_string(seconds) + "}");
}

void EmulatorRunner::accept_invite(const std::string& email) {
  auto r = raw_http(m_port, "POST", "/_emulator/accept_invite", "{\"email\": \"" + email + "\"}");
  if (r.status != 200) throw std::runtime_error("accept_invite failed: " + r.body);
}

std::string member_status(const core::json::Value& state, const std::string& email) {
  const auto* members = state.find("members");
  if (members == nullptr || !members->is_array()) return "";
  std::string found;
  for (const auto& m : members->as_array()) {
    const auto* e = m.find("email");
    if (e == nullptr || !e->is_string() || e->as_string() != email) continue;
    const auto* s = m.find("status");
    std::string status = s != nullptr && s->is_string() ? s->as_string() : "active";
    if (found.empty() || found == "removed") found = status;
  }
  return found;
}

}  // namespace roster::test
