// apply --timeout and Ctrl-C (SIGINT, SIGTERM) against roster-emulator with slow answers:
// the real roster binary as a process, its exit code, report and journal.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>
#include <sstream>
#include <thread>

#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"
#include "support/process.hpp"
#include "support/seed.hpp"

using namespace roster;
using namespace std::chrono;
using test::EmulatorRunner;

namespace {

constexpr int k_members = 40;

std::string read_or_empty(const std::string& path) {
  auto text = core::read_file(path);
  return text ? *text : std::string();
}

std::string seed() {
  std::vector<test::SeedMember> members;
  for (int i = 0; i < k_members; ++i)
    members.push_back({"m" + std::to_string(i) + "@acme.com"});
  return test::make_seed(members);
}

// Every member suspended: 40 steps of one request each.
std::string suspend_all(const test::TempDir& dir) {
  std::string text =
      "version: 1\npolicy: {max_removal_fraction: 1}\nmembers:\n  - email: admin@acme.com\n";
  for (int i = 0; i < k_members; ++i)
    text += "  - {email: m" + std::to_string(i) + "@acme.com, state: suspended}\n";
  return dir.write("team.yaml", text);
}

std::vector<std::string> apply_args(EmulatorRunner& emulator, const std::string& manifest,
                                    const std::string& journal,
                                    const std::string& parallelism = "1") {
  // One call per suspension (--no-bulk): these tests stop a run between steps.
  return {ROSTER_BINARY,  "apply",         "-f",        manifest,    "--auto-approve", "--api-url",
          emulator.url(), "--parallelism", parallelism, "--journal", journal,          "--no-bulk"};
}

// The journal's lines, each parsed (every one must be valid JSON).
std::vector<core::json::Value> journal_lines(const std::string& path) {
  auto text = core::read_file(path);
  REQUIRE(text);
  REQUIRE(!text->empty());
  CHECK(text->back() == '\n');
  std::vector<core::json::Value> lines;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line)) {
    core::json::Value value;
    std::string error;
    INFO(line);
    REQUIRE(core::json::parse(line, value, error));
    lines.push_back(std::move(value));
  }
  return lines;
}

int count_events(const std::vector<core::json::Value>& lines, const std::string& name) {
  int n = 0;
  for (const auto& l : lines)
    n += l.find("event")->as_string() == name ? 1 : 0;
  return n;
}

const core::json::Value& event(const std::vector<core::json::Value>& lines,
                               const std::string& name) {
  for (const auto& l : lines) {
    if (l.find("event")->as_string() == name) return l;
  }
  FAIL("no " << name << " in the journal");
  return lines.front();
}

// How many steps stderr says were not started ("N of 40 steps were not started").
int not_started(const std::string& err) {
  std::smatch m;
  REQUIRE(std::regex_search(err, m, std::regex(R"((\d+) of 40 steps were not started)")));
  return std::stoi(m[1]);
}

// How many steps the report's summary says succeeded.
int succeeded(const std::string& out) {
  std::smatch m;
  REQUIRE(std::regex_search(out, m, std::regex(R"(Apply: 40 steps: (\d+) succeeded)")));
  return std::stoi(m[1]);
}

// roster running in the background, its output in files; killed if the test ends first.
class Background {
 public:
  Background(std::vector<std::string> argv, const std::string& token, const test::TempDir& dir)
      : m_out(dir.file("out.txt")), m_err(dir.file("err.txt")) {
    // The test's environment (under the sanitizer build, its UBSan suppressions) plus the
    // token; spawn_child makes roster die with the test.
    int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    int out = ::open(m_out.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    int err = ::open(m_err.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    REQUIRE((in >= 0 && out >= 0 && err >= 0));
    m_pid = test::spawn_child(argv,
                              test::environment_with({{"DROPBOX_TOKEN", token}, {"NO_COLOR", "1"}}),
                              {in, out, err});
    ::close(in);
    ::close(out);
    ::close(err);
  }
  ~Background() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGKILL);
      ::waitpid(m_pid, nullptr, 0);
    }
  }
  void signal(int sig) { ::kill(m_pid, sig); }
  // The exit code (128 + n for a signal), or -1 when it has not ended within `limit`.
  int wait(milliseconds limit) {
    auto until = steady_clock::now() + limit;
    while (steady_clock::now() < until) {
      int status = 0;
      if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_pid = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(milliseconds(20));
    }
    return -1;
  }
  std::string out() const { return read_or_empty(m_out); }
  std::string err() const { return read_or_empty(m_err); }

 private:
  std::string m_out, m_err;
  pid_t m_pid = -1;
};

void wait_for_finished_steps(const std::string& journal, int n) {
  for (int i = 0; i < 1000; ++i) {
    auto text = read_or_empty(journal);
    std::size_t found = 0;
    for (auto at = text.find("step_finished"); at != std::string::npos;
         at = text.find("step_finished", at + 1))
      ++found;
    if (found >= static_cast<std::size_t>(n)) return;
    std::this_thread::sleep_for(milliseconds(10));
  }
  FAIL("the apply did not get going");
}

}  // namespace

TEST_CASE("apply --timeout lets steps in flight finish, skips the rest (timeout), exits 4",
          "[live][stop]") {
  EmulatorRunner emulator(seed(), "test-token", {"--latency-ms", "150"});
  test::TempDir dir;
  auto manifest = suspend_all(dir);
  auto journal = dir.file("journal.jsonl");
  auto args = apply_args(emulator, manifest, journal);
  args.insert(args.end(), {"--timeout", "2s"});
  auto started = steady_clock::now();
  auto r = test::run_process(args, {{"DROPBOX_TOKEN", emulator.token()}, {"NO_COLOR", "1"}});
  CHECK(steady_clock::now() - started < seconds(8));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 4);
  int skipped = not_started(r.err);
  CHECK(skipped > 0);
  CHECK(skipped < k_members);
  CHECK(r.err.find("roster: error: apply --timeout 2s expired: " + std::to_string(skipped) +
                   " of 40 steps were not started; run apply again to finish (it plans from the "
                   "team as it is now)\n") != std::string::npos);
  CHECK(r.out.find("skip ~ suspend m39@acme.com: skipped: timeout (not started before the run's "
                   "time limit, --timeout)") != std::string::npos);
  int done = succeeded(r.out);
  CHECK(r.out.find("Apply: 40 steps: " + std::to_string(done) + " succeeded, 0 failed, " +
                   std::to_string(skipped) + " skipped.") != std::string::npos);
  CHECK(done + skipped == k_members);
  CHECK(emulator.calls("team/members/suspend") == done);

  auto lines = journal_lines(journal);
  CHECK(count_events(lines, "step_finished") >= done);  // and those stopped before sending
  const auto& stopped = event(lines, "apply_stopped");
  CHECK(stopped.find("reason")->as_string() == "timeout");
  CHECK(stopped.find("not_started")->as_number() == skipped);
  const auto& finished = event(lines, "apply_finished");
  CHECK(finished.find("stopped")->as_string() == "timeout");
  CHECK(finished.find("skipped")->as_number() == skipped);
  CHECK(lines.back().find("event")->as_string() == "apply_finished");

  // Applying again finishes the job.
  auto again = test::run_process(apply_args(emulator, manifest, journal, "16"),
                                 {{"DROPBOX_TOKEN", emulator.token()}});
  CHECK(again.exit_code == 0);
  CHECK(emulator.calls("team/members/suspend") == k_members);
}

TEST_CASE("Ctrl-C stops an apply promptly: steps in flight finish, the rest are skipped",
          "[live][stop]") {
  EmulatorRunner emulator(seed(), "test-token", {"--latency-ms", "150"});
  test::TempDir dir;
  auto journal = dir.file("journal.jsonl");
  Background roster(apply_args(emulator, suspend_all(dir), journal), emulator.token(), dir);
  wait_for_finished_steps(journal, 2);
  auto signalled = steady_clock::now();
  roster.signal(SIGINT);
  int code = roster.wait(seconds(20));
  CHECK(steady_clock::now() - signalled < seconds(3));
  auto err = roster.err();
  INFO(roster.out() << err);
  CHECK(code == 4);
  CHECK(err.find("roster: interrupted: finishing the steps in flight, not starting others "
                 "(interrupt again to stop at once)\n") != std::string::npos);
  int skipped = not_started(err);
  CHECK(err.find("roster: error: apply was interrupted: " + std::to_string(skipped) +
                 " of 40 steps were not started") != std::string::npos);
  CHECK(roster.out().find("skipped: interrupted (not started before roster was interrupted)") !=
        std::string::npos);
  auto lines = journal_lines(journal);
  CHECK(event(lines, "apply_stopped").find("reason")->as_string() == "interrupted");
  CHECK(event(lines, "apply_finished").find("stopped")->as_string() == "interrupted");
  int done = succeeded(roster.out());
  CHECK(done + skipped == k_members);
  CHECK(count_events(lines, "step_finished") >= done);
  CHECK(emulator.calls("team/members/suspend") == done);
}

TEST_CASE("a second Ctrl-C ends the apply at once, the journal valid up to its last line",
          "[live][stop]") {
  EmulatorRunner emulator(seed(), "test-token");
  test::TempDir dir;
  auto journal = dir.file("journal.jsonl");
  // The first suspends answer at once, then each takes 4 s: in flight when Ctrl-C comes.
  emulator.fault(
      R"({"route": "team/members/suspend", "kind": "latency", "latency_ms": 4000, "probability": 1})");
  Background roster(apply_args(emulator, suspend_all(dir), journal), emulator.token(), dir);
  for (int i = 0; i < 500 && emulator.calls("team/members/suspend") == 0; ++i)
    std::this_thread::sleep_for(milliseconds(10));
  roster.signal(SIGINT);
  std::this_thread::sleep_for(milliseconds(300));
  auto signalled = steady_clock::now();
  roster.signal(SIGINT);
  int code = roster.wait(seconds(20));
  CHECK(steady_clock::now() - signalled < seconds(2));  // at once, not after the 4 s answer
  INFO(roster.err());
  CHECK(code == 130);
  CHECK(roster.err().find("roster: interrupted again: stopping now; the journal is complete up "
                          "to its last line\n") != std::string::npos);
  auto lines = journal_lines(journal);
  CHECK(count_events(lines, "apply_finished") == 0);
}

TEST_CASE("SIGTERM before any step ends the run at once, nothing changed", "[live][stop]") {
  EmulatorRunner emulator(seed(), "test-token");
  emulator.fault(
      R"({"route": "team/members/list_v2", "kind": "latency", "latency_ms": 5000, "count": 1})");
  test::TempDir dir;
  auto journal = dir.file("journal.jsonl");
  Background roster(apply_args(emulator, suspend_all(dir), journal), emulator.token(), dir);
  for (int i = 0; i < 500 && emulator.calls("team/token/get_authenticated_admin") == 0; ++i)
    std::this_thread::sleep_for(milliseconds(10));
  std::this_thread::sleep_for(milliseconds(200));
  roster.signal(SIGTERM);
  CHECK(roster.wait(seconds(3)) == 128 + SIGTERM);
  CHECK(roster.err() == "roster: interrupted (nothing was changed)\n");
  CHECK(emulator.calls("team/members/suspend") == 0);
  CHECK_FALSE(core::read_file(journal));  // not even opened
}
