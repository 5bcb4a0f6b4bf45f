// The request log (--log-level, --log-file, --log-format, ROSTER_LOG) against
// roster-emulator: what each level writes, JSON lines, and that no secret reaches it.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "live_support.hpp"
#include "roster/core/file.hpp"
#include "roster/core/json.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;
using test::run_cli;

namespace {

const std::string k_token = "sl.LOG-secret-token-77aa";
const std::string k_refresh = "REFRESH-log-secret-19fe";
const std::string k_app_secret = "APPSECRET-log-42cd";

const char* k_manifest = R"(version: 1
members:
  - email: admin@acme.com
  - {email: a@acme.com, given_name: Al}
  - email: new@acme.com
)";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::vector<std::string> lines_with(const std::string& text, const std::string& part) {
  std::vector<std::string> found;
  for (const auto& line : lines_of(text))
    if (line.find(part) != std::string::npos) found.push_back(line);
  return found;
}

std::map<std::string, std::string> token_env(const EmulatorRunner& emulator) {
  return {{"DROPBOX_TOKEN", emulator.token()}};
}

}  // namespace

TEST_CASE("at debug every request attempt is one line with route, status, latency and id",
          "[live][log]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto r = run_cli({"plan", "-f", manifest, "--api-url", emulator.url(), "--log-level", "debug"},
                   token_env(emulator));
  INFO(r.err);
  CHECK(r.code == cli::ExitCode::success);
  auto listing = lines_with(r.err, "route=team/members/list_v2 ");
  REQUIRE(listing.size() == 1);
  const std::regex line(
      R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z request route=team/members/list_v2 attempt=1 )"
      R"(write=no status=200 error=- latency_ms=\d+ request_id=[0-9a-f]{32})");
  CHECK(std::regex_match(listing[0], line));
  // Every line of stderr is a log line: nothing else was printed there.
  for (const auto& l : lines_of(r.err))
    CHECK(l.find(" request route=team/") != std::string::npos);
}

TEST_CASE("at info reads that succeed are left out, writes and each step's outcome are in",
          "[live][log]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto log = dir.file("roster.log");
  auto r =
      run_cli({"apply", "-f", manifest, "--api-url", emulator.url(), "--auto-approve", "--journal",
               dir.file("journal.jsonl"), "--log-level", "info", "--log-file", log},
              token_env(emulator));
  INFO(r.out << r.err);
  CHECK(r.code == cli::ExitCode::success);
  auto text = core::read_file(log);
  REQUIRE(text);
  INFO(*text);
  CHECK(lines_with(*text, "route=team/members/list_v2 ").empty());
  CHECK(lines_with(*text, "route=team/members/add_v2 attempt=1 write=yes status=200").size() == 1);
  CHECK(lines_with(*text, "route=team/members/set_profile_v2 attempt=1 write=yes status=200")
            .size() == 1);
  CHECK(lines_with(*text, " step index=").size() == 2);
  CHECK(lines_with(*text,
                   "action=invite subject=new@acme.com outcome=succeeded error=- "
                   "attempts=1")
            .size() == 1);
  CHECK(r.err.find("request route=") == std::string::npos);  // the file, not stderr
}

TEST_CASE("a retried request says which attempt it was, and warn shows only the failure",
          "[live][log]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  emulator.fault(
      R"({"route": "team/members/list_v2", "kind": "429", "count": 1, "retry_after": 0})");
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto r = run_cli({"plan", "-f", manifest, "--api-url", emulator.url()},
                   {{"DROPBOX_TOKEN", emulator.token()}, {"ROSTER_LOG", "warn"}});
  INFO(r.err);
  CHECK(r.code == cli::ExitCode::success);
  auto lines = lines_of(r.err);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("request route=team/members/list_v2 attempt=1 write=no status=429") !=
        std::string::npos);

  emulator.fault(
      R"({"route": "team/members/list_v2", "kind": "429", "count": 1, "retry_after": 0})");
  auto info = run_cli({"plan", "-f", manifest, "--api-url", emulator.url(), "--log-level", "info"},
                      token_env(emulator));
  INFO(info.err);
  CHECK(lines_with(info.err, "route=team/members/list_v2 attempt=1 write=no status=429").size() ==
        1);
  CHECK(lines_with(info.err, "route=team/members/list_v2 attempt=2 write=no status=200").size() ==
        1);
}

TEST_CASE("a refused token is logged with its Dropbox error tag at warn", "[live][log]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto r = run_cli({"plan", "-f", manifest, "--api-url", emulator.url(), "--log-level", "warn"},
                   {{"DROPBOX_TOKEN", "not-the-token"}});
  INFO(r.err);
  CHECK(r.code == cli::ExitCode::error);
  CHECK(lines_with(r.err, "write=no status=401 error=invalid_access_token latency_ms=").size() ==
        1);
}

TEST_CASE("JSON lines go to stderr and leave the JSON on stdout clean", "[live][log]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto r = run_cli({"plan", "-f", manifest, "--api-url", emulator.url(), "--format", "json",
                    "--log-level", "debug", "--log-format", "json"},
                   token_env(emulator));
  CHECK(r.code == cli::ExitCode::success);
  core::json::Value plan;
  std::string error;
  CHECK(core::json::parse(r.out, plan, error));
  auto lines = lines_of(r.err);
  REQUIRE(lines.size() >= 3);
  for (const auto& line : lines) {
    INFO(line);
    core::json::Value value;
    REQUIRE(core::json::parse(line, value, error));
    CHECK(value.find("event")->as_string() == "request");
    CHECK(value.find("route") != nullptr);
    CHECK(value.find("latency_ms")->is_number());
    CHECK(value.find("request_id")->as_string().size() == 32);
  }
}

TEST_CASE("no level or format writes a token, refresh token or app secret to the log",
          "[live][log][secrets]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}, {"b@acme.com"}}), k_token,
                          {"--refresh-token", k_refresh, "--app-secret", k_app_secret});
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  const std::map<std::string, std::string> with_token{{"DROPBOX_TOKEN", k_token}};
  const std::map<std::string, std::string> with_refresh{
      {"DROPBOX_REFRESH_TOKEN", k_refresh},
      {"DROPBOX_APP_KEY", "roster-emulator-app-key"},
      {"DROPBOX_APP_SECRET", k_app_secret}};
  const std::map<std::string, std::string> wrong{{"DROPBOX_TOKEN", k_token + "-revoked"}};
  int runs = 0;
  for (std::string level : {"debug", "info", "warn"}) {
    for (std::string format : {"text", "json"}) {
      for (const auto* env : {&with_token, &with_refresh, &wrong}) {
        auto log = dir.file("roster-" + level + "-" + format + ".log");
        std::vector<std::string> common = {"--api-url", emulator.url(), "--log-level",
                                           level,       "--log-format", format};
        std::vector<std::string> plan_args = {"plan", "-f", manifest};
        plan_args.insert(plan_args.end(), common.begin(), common.end());
        auto plan = run_cli(plan_args, *env);
        std::vector<std::string> apply_args = {
            "apply",      "-f", manifest, "--auto-approve", "--journal", dir.file("journal.jsonl"),
            "--log-file", log};
        apply_args.insert(apply_args.end(), common.begin(), common.end());
        auto apply = run_cli(apply_args, *env);
        auto file = core::read_file(log);
        REQUIRE(file);
        for (const auto* text : {&plan.err, &plan.out, &apply.err, &apply.out, &*file}) {
          INFO(level << " " << format << "\n" << *text);
          for (const auto* secret : {&k_token, &k_refresh, &k_app_secret}) {
            CHECK(text->find(*secret) == std::string::npos);
          }
          CHECK(text->find("Bearer") == std::string::npos);
          CHECK(text->find("Authorization") == std::string::npos);
        }
        if (env != &wrong && level == "debug") CHECK_FALSE(plan.err.empty());
        ++runs;
      }
    }
  }
  CHECK(runs == 18);
}

TEST_CASE("at warn a failed step is logged with its error, and the steps that succeeded are not",
          "[live][log]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  emulator.fault(
      R"({"route": "team/members/set_profile_v2", "kind": "429", "count": 1, "retry_after": 3600})");
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", k_manifest);
  auto r = run_cli({"apply", "-f", manifest, "--api-url", emulator.url(), "--auto-approve",
                    "--journal", dir.file("journal.jsonl"), "--max-retry-wait", "5s", "--log-level",
                    "warn", "--log-format", "json"},
                   token_env(emulator));
  INFO(r.out << r.err);
  CHECK(r.code == cli::ExitCode::partial);
  std::vector<core::json::Value> events;
  for (const auto& line : lines_of(r.err)) {
    if (line.empty() || line[0] != '{') continue;  // the progress and the report's errors
    std::string error;
    core::json::Value value;
    REQUIRE(core::json::parse(line, value, error));
    events.push_back(std::move(value));
  }
  // First the scope check's probe: a 409 for a job that does not exist means "granted"
  // (decision 0012), logged like any non-200 answer.
  REQUIRE(events.size() == 3);
  CHECK(events[0].find("route")->as_string() == "team/members/add/job_status/get_v2");
  CHECK(events[0].find("error")->as_string() == "invalid_async_job_id");
  events.erase(events.begin());
  CHECK(events[0].find("event")->as_string() == "request");
  CHECK(events[0].find("route")->as_string() == "team/members/set_profile_v2");
  CHECK(events[0].find("status")->as_number() == 429);
  CHECK(events[1].find("event")->as_string() == "step");
  CHECK(events[1].find("action")->as_string() == "update_profile");
  CHECK(events[1].find("subject")->as_string() == "a@acme.com");
  CHECK(events[1].find("outcome")->as_string() == "failed");
  CHECK(events[1].find("attempts")->as_number() == 1);
}
