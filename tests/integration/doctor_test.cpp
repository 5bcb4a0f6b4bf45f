// roster doctor against roster-emulator over loopback: one line per check, exit 1 on a
// failure, and each failing case's exact line (docs/cli.md "doctor", decision 0044).
#include <catch2/catch.hpp>

#include <chrono>
#include <regex>

#include "live_support.hpp"
#include "support/emulator_runner.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;

namespace {

// In-process, with this machine's real clock: the clock check compares it with the
// emulator's Date header.
test::CliRun doctor(const std::string& url, const std::map<std::string, std::string>& vars,
                    std::vector<std::string> args = {}) {
  std::istringstream in;
  std::ostringstream out, err;
  cli::Environment env{
      in,
      out,
      err,
      false,
      false,
      [vars](const char* name) {
        auto it = vars.find(name);
        return it == vars.end() ? std::string() : it->second;
      },
      [] {
        return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                             std::chrono::system_clock::now().time_since_epoch())
                                             .count());
      }};
  args.insert(args.begin(), "doctor");
  args.insert(args.end(), {"--api-url", url, "--timeout", "10s"});
  auto code = cli::run(args, env);
  // Latency is the one value that changes from run to run.
  std::string text = std::regex_replace(out.str(), std::regex("latency [0-9]+ ms"), "latency N ms");
  return {code, text, err.str()};
}

test::CliRun doctor(const std::string& url, const std::string& token,
                    std::vector<std::string> args = {}) {
  return doctor(url, {{"DROPBOX_TOKEN", token}}, std::move(args));
}

// The line of check `name` in `out`, or "" when there is none.
std::string line_of(const std::string& out, const std::string& name) {
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find(" " + name + ": ") != std::string::npos) return line;
  }
  return "";
}

const char* k_valid = "version: 1\nmembers:\n  - email: admin@acme.com\n  - email: a@acme.com\n";

}  // namespace

TEST_CASE("roster doctor reports every check ok against a healthy team", "[live][doctor]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  test::TempDir dir;
  auto path = dir.write("team.yaml", k_valid);
  auto run = doctor(emulator.url(), emulator.token(), {"-f", path});
  CHECK(run.code == cli::ExitCode::success);
  CHECK(run.err.empty());
  CHECK(run.out ==
        "ok    credentials: from DROPBOX_TOKEN\n"
        "ok    api: " +
            emulator.url() +
            " answers, median latency N ms over 5 requests\n"
            "ok    clock: this machine's clock is level with the server's\n"
            "ok    token: valid: team \"Acme Corp\" (dbtid:AAtest), admin "
            "admin@acme.com (dbmid:AASQ3OevH6RuJUqGeBk1CcUJEjR00000001)\n"
            "ok    scope team_info.read: proved by team/token/get_authenticated_admin and "
            "team/get_info\n"
            "ok    scope members.read: proved by team/members/list_v2\n"
            "ok    scope groups.read: proved by team/groups/list\n"
            "ok    scope members.write: granted (asked with team/members/add/job_status/get_v2)\n"
            "ok    scope members.delete: granted (asked with team/members/remove/job_status/get)\n"
            "ok    scope groups.write: granted (asked with team/groups/job_status/get)\n"
            "ok    licenses: 998 of 1000 free\n"
            "ok    manifest: " +
            path + ": valid: 2 members in 1 file\n");
  // Asking changes nothing: no write reached the emulator.
  CHECK(emulator.calls("team/members/add_v2") == 0);
}

TEST_CASE("roster doctor fails the token check on a token Dropbox refuses", "[live][doctor]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  auto run = doctor(emulator.url(), "not-the-token");
  CHECK(run.code == cli::ExitCode::error);
  // The server answered (401), so it is reachable; nothing after the token is asked.
  CHECK(line_of(run.out, "api") ==
        "ok    api: " + emulator.url() + " answers, median latency N ms over 5 requests");
  CHECK(line_of(run.out, "token") ==
        "fail  token: the Dropbox token is invalid or revoked (401 invalid_access_token)");
  CHECK(line_of(run.out, "licenses").empty());
  CHECK(run.out.find("not-the-token") == std::string::npos);
}

TEST_CASE("roster doctor fails the api check when nothing listens", "[live][doctor]") {
  auto run = doctor("http://127.0.0.1:1", "any-token");
  CHECK(run.code == cli::ExitCode::error);
  CHECK(
      run.out ==
      "ok    credentials: from DROPBOX_TOKEN\n"
      "fail  api: cannot reach http://127.0.0.1:1/: Failed to connect to any resolved endpoint\n");
}

TEST_CASE("roster doctor fails without credentials, and still checks the manifest",
          "[live][doctor]") {
  test::TempDir dir;
  auto path = dir.write("team.yaml", k_valid);
  auto run = doctor("http://127.0.0.1:1", "", {"-f", path});
  CHECK(run.code == cli::ExitCode::error);
  CHECK(run.out ==
        "fail  credentials: no Dropbox token: set DROPBOX_TOKEN, pass --token-file FILE, or set "
        "DROPBOX_REFRESH_TOKEN with DROPBOX_APP_KEY and DROPBOX_APP_SECRET\n"
        "ok    manifest: " +
            path + ": valid: 2 members in 1 file\n");
}

TEST_CASE("roster doctor warns about a missing write scope and passes", "[live][doctor]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}), "test-token",
                          {"--scopes", "team_info.read,members.read,groups.read,members.write"});
  auto run = doctor(emulator.url(), emulator.token());
  CHECK(run.code == cli::ExitCode::success);  // a read-only token is right for plan in CI
  CHECK(line_of(run.out, "scope members.write") ==
        "ok    scope members.write: granted (asked with team/members/add/job_status/get_v2)");
  CHECK(line_of(run.out, "scope members.delete") ==
        "warn  scope members.delete: missing: plan works, apply cannot call team/members/remove, "
        "team/members/recover (401 missing_scope)");
  CHECK(line_of(run.out, "scope groups.write").starts_with("warn  scope groups.write: missing: "));
}

TEST_CASE("roster doctor fails when the token cannot read the members", "[live][doctor]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}), "test-token",
                          {"--scopes", "team_info.read,groups.read"});
  auto run = doctor(emulator.url(), emulator.token());
  CHECK(run.code == cli::ExitCode::error);
  CHECK(line_of(run.out, "scope members.read") ==
        "fail  scope members.read: the Dropbox token lacks the scope members.read needed by "
        "team/members/list_v2 (401 missing_scope)");
}

TEST_CASE("roster doctor measures the skew against the server's Date header", "[live][doctor]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  emulator.advance_clock(120);
  auto warned = doctor(emulator.url(), emulator.token());
  CHECK(warned.code == cli::ExitCode::success);
  CHECK(line_of(warned.out, "clock") ==
        "warn  clock: this machine's clock is about 2 min behind the server's (over 1 min)");
  emulator.advance_clock(480);
  auto failed = doctor(emulator.url(), emulator.token());
  CHECK(failed.code == cli::ExitCode::error);
  CHECK(line_of(failed.out, "clock") ==
        "fail  clock: this machine's clock is about 10 min behind the server's (over 5 min: "
        "dates in plans, grace periods and recovery windows would be judged wrongly; set the "
        "clock, e.g. with NTP)");
}

TEST_CASE("roster doctor warns when the team has no free license", "[live][doctor]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}, "admin@acme.com", "Acme Corp", 2));
  auto run = doctor(emulator.url(), emulator.token());
  CHECK(run.code == cli::ExitCode::success);
  CHECK(line_of(run.out, "licenses") ==
        "warn  licenses: none of 2 free (2 used): invitations will fail until licenses are "
        "added or members removed");
}

TEST_CASE("roster doctor fails on a bad manifest with its first error in one line",
          "[live][doctor]") {
  EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}));
  test::TempDir dir;
  auto path = dir.write("team.yaml",
                        "version: 1\nmembers:\n  - email: a@acme.com\n    stat: suspended\n"
                        "  - email: not-an-email\n");
  auto run = doctor(emulator.url(), emulator.token(), {"-f", path});
  CHECK(run.code == cli::ExitCode::error);
  CHECK(line_of(run.out, "manifest") ==
        "fail  manifest: " + path +
            ":4:5: error: unknown key \"stat\" in member (did you mean \"state\"?) (and 1 more: "
            "roster validate -f " +
            path + " lists them)");
}

TEST_CASE("roster doctor names a refresh grant as the source and never prints its secrets",
          "[live][doctor]") {
  EmulatorRunner emulator(
      test::make_seed({{"a@acme.com"}}), "test-token",
      {"--refresh-token", "REFRESH-doctor-5c1f", "--app-secret", "APP-doctor-77"});
  std::map<std::string, std::string> vars{{"DROPBOX_REFRESH_TOKEN", "REFRESH-doctor-5c1f"},
                                          {"DROPBOX_APP_KEY", "roster-emulator-app-key"},
                                          {"DROPBOX_APP_SECRET", "APP-doctor-77"}};
  auto run = doctor(emulator.url(), vars);
  CHECK(run.code == cli::ExitCode::success);
  CHECK(line_of(run.out, "credentials") == "ok    credentials: from DROPBOX_REFRESH_TOKEN");
  CHECK(line_of(run.out, "token").starts_with("ok    token: valid: team \"Acme Corp\""));
  vars["DROPBOX_REFRESH_TOKEN"] = "REFRESH-wrong-0000";
  auto refused = doctor(emulator.url(), vars);
  CHECK(refused.code == cli::ExitCode::error);
  // The refresh comes before the first request: no ping was sent, so no api line either.
  CHECK(refused.out ==
        "ok    credentials: from DROPBOX_REFRESH_TOKEN\n"
        "fail  token: the OAuth2 refresh was refused (400 invalid_grant): check "
        "DROPBOX_REFRESH_TOKEN, DROPBOX_APP_KEY and DROPBOX_APP_SECRET\n");
  for (const auto* text : {&run.out, &refused.out}) {
    CHECK(text->find("REFRESH-") == std::string::npos);
    CHECK(text->find("APP-doctor") == std::string::npos);
  }
}
