// A token never appears in output, errors or files: every command runs with a known
// secret, and nothing it prints or writes may contain it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/scripted_server.hpp"
#include "support/seed.hpp"

using namespace roster;

namespace {

const std::string k_secret = "sl.SECRET-token-4f1c9b7a2e";
const std::string k_refresh = "REFRESH-secret-8d2e";
const std::string k_app_secret = "APPSECRET-93ab";

void check_no_secret(const test::ProcessResult& r, const std::string& what) {
  INFO(what);
  for (const auto* secret : {&k_secret, &k_refresh, &k_app_secret}) {
    CHECK(r.out.find(*secret) == std::string::npos);
    CHECK(r.err.find(*secret) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("no command prints or writes the token", "[live][secrets]") {
  test::EmulatorRunner emulator(test::make_seed({{"a@acme.com"}}), k_secret,
                                {"--refresh-token", k_refresh, "--app-secret", k_app_secret});
  test::TempDir dir;
  auto manifest = dir.write("team.yaml",
                            "version: 1\nmembers:\n  - email: admin@acme.com\n"
                            "  - email: a@acme.com\n    given_name: Al\n"
                            "  - email: new@acme.com\n");
  auto token_file = dir.write("token", k_secret + "\n");
  const std::string url = emulator.url();
  const std::map<std::string, std::string> token_env{{"DROPBOX_TOKEN", k_secret},
                                                     {"NO_COLOR", "1"}};
  const std::map<std::string, std::string> refresh_env{
      {"DROPBOX_REFRESH_TOKEN", k_refresh},
      {"DROPBOX_APP_KEY", "roster-emulator-app-key"},
      {"DROPBOX_APP_SECRET", k_app_secret}};
  auto roster = [&](std::vector<std::string> args, const std::map<std::string, std::string>& env) {
    args.insert(args.begin(), ROSTER_BINARY);
    return test::run_process(args, env);
  };

  struct Run {
    std::vector<std::string> args;
    const std::map<std::string, std::string>* env;
    int expected_exit;
  };
  const std::map<std::string, std::string> none;
  const std::map<std::string, std::string> wrong{{"DROPBOX_TOKEN", k_secret + "-revoked"}};
  std::vector<Run> runs = {
      {{"validate", "-f", manifest}, &token_env, 0},
      {{"plan", "-f", manifest, "--api-url", url}, &token_env, 0},
      {{"plan", "-f", manifest, "--api-url", url, "--token-file", token_file}, &none, 0},
      {{"plan", "-f", manifest, "--api-url", url}, &refresh_env, 0},
      {{"plan", "-f", manifest, "--api-url", url}, &wrong, 1},
      {{"plan", "-f", manifest, "--api-url", "http://127.0.0.1:1"}, &token_env, 1},
      {{"apply", "-f", manifest, "--api-url", url, "--journal", dir.file("j.jsonl")},
       &token_env,
       1},
      {{"apply", "-f", manifest, "--api-url", url, "--auto-approve", "--journal",
        dir.file("journal.jsonl")},
       &token_env,
       0},
      {{"export", "-o", dir.file("export.yaml"), "--api-url", url}, &refresh_env, 0},
      {{"plan", "-f", manifest, "--api-url", url, "--out", dir.file("team.plan"), "--format",
        "json"},
       &refresh_env,
       0},
      {{"show", dir.file("team.plan"), "--format", "markdown"}, &token_env, 0},
      {{"apply", dir.file("team.plan"), "--api-url", url, "--journal", dir.file("journal.jsonl"),
        "--format", "json"},
       &token_env,
       0},
      {{"import-csv", dir.write("hr.csv", "email\nx@acme.com\n")}, &token_env, 0},
      {{"export", "--format", "json", "--api-url", url}, &token_env, 0},
      {{"version"}, &token_env, 0},
  };
  for (const auto& run : runs) {
    auto r = roster(run.args, *run.env);
    std::string what;
    for (const auto& a : run.args)
      what += a + " ";
    INFO(what << "\nstdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exit_code == run.expected_exit);
    check_no_secret(r, what);
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (!entry.is_regular_file() || entry.path().filename() == "token") continue;
    auto text = core::read_file(entry.path().string());
    REQUIRE(text);
    INFO(entry.path());
    CHECK(text->find(k_secret) == std::string::npos);
    CHECK(text->find(k_refresh) == std::string::npos);
    CHECK(text->find(k_app_secret) == std::string::npos);
  }
}

TEST_CASE("a missing token is one clear error", "[live][secrets]") {
  auto r =
      test::run_process({ROSTER_BINARY, "plan", "-f", test::test_path("../manifests/example.yaml"),
                         "--api-url", "http://127.0.0.1:1"},
                        {{"DROPBOX_TOKEN", ""}, {"DROPBOX_REFRESH_TOKEN", ""}});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "roster: error: no Dropbox token: set DROPBOX_TOKEN, pass --token-file FILE, or set "
        "DROPBOX_REFRESH_TOKEN with DROPBOX_APP_KEY and DROPBOX_APP_SECRET\n");
}

namespace {

// A TeamMemberInfoV2 as Dropbox sends it (the fields roster reads).
std::string member_json(const std::string& id, const std::string& email, const std::string& status,
                        bool admin = false) {
  return R"({"profile": {"team_member_id": ")" + id + R"(", "email": ")" + email +
         R"(", "email_verified": true, "status": {".tag": ")" + status +
         R"("}, "name": {"given_name": "G", "surname": "S", "familiar_name": "G", )"
         R"("display_name": "G S", "abbreviated_name": "GS"}, "membership_type": {".tag": )"
         R"("full"}, "groups": [], "member_folder_id": "1", "joined_on": "2025-01-01T00:00:00Z"}, )"
         R"("roles": [)" +
         (admin ? R"({"role_id": "pid_dbtmr:team_admin", "name": "Team admin", "description": ""})"
                : std::string()) +
         "]}";
}

test::ScriptedResponse json_answer(int status, std::string body) {
  test::ScriptedResponse r;
  r.status = status;
  r.body = std::move(body);
  if (status >= 500) r.headers.push_back({"Retry-After", "0"});  // retry at once
  return r;
}

// A team API that reads normally but echoes the caller's Authorization header (and so the
// token) in every error it gives: in tags, summaries, plain text and 5xx bodies.
test::ScriptedResponse echoing_team(const test::ScriptedRequest& request) {
  const std::string echo = request.header("Authorization");
  const std::string route = request.target.substr(std::string("/2/team/").size());
  const std::string tagged = R"({"error_summary": ")" + echo + R"(/..", "error": {".tag": ")" +
                             echo + R"(", "required_scope": ")" + echo + R"("}})";
  if (route == "get_info") {
    return json_answer(200, R"({"name": "Acme Corp", "team_id": "dbtid:echo", )"
                            R"("num_licensed_users": 100, "num_provisioned_users": 4})");
  }
  if (route == "token/get_authenticated_admin") {
    return json_answer(200, R"({"admin_profile": {"team_member_id": "dbmid:1", )"
                            R"("email": "admin@acme.com"}})");
  }
  if (route == "members/get_available_team_member_roles") {
    return json_answer(200, R"({"roles": [{"role_id": "pid_dbtmr:team_admin", )"
                            R"("name": "Team admin", "description": ""}]})");
  }
  if (route == "members/list_v2") {
    return json_answer(200, R"({"members": [)" +
                                member_json("dbmid:1", "admin@acme.com", "active", true) + ", " +
                                member_json("dbmid:2", "sue@acme.com", "suspended") + ", " +
                                member_json("dbmid:3", "bob@acme.com", "active") + ", " +
                                member_json("dbmid:4", "pat@acme.com", "active") +
                                R"(], "cursor": "c", "has_more": false})");
  }
  if (route.find("job_status") != std::string::npos) return json_answer(409, tagged);
  if (route == "members/add_v2") {
    return json_answer(200, R"({".tag": "complete", "complete": [{".tag": ")" + echo + R"(", ")" +
                                echo + R"(": "new@acme.com"}]})");
  }
  if (route == "members/unsuspend") {
    test::ScriptedResponse text;
    text.status = 400;
    text.content_type = "text/plain; charset=utf-8";
    text.body = "Error in call to API function \"team/members/unsuspend\": bad header " + echo;
    return text;
  }
  if (route == "members/set_profile_v2") return json_answer(500, "server error for " + echo);
  if (route == "members/suspend") return json_answer(409, tagged);
  return json_answer(401, tagged);  // members/remove: a 401 that stops the run
}

void check_nothing_holds(const std::string& secret, const test::ProcessResult& r,
                         const test::TempDir& dir) {
  CHECK(r.out.find(secret) == std::string::npos);
  CHECK(r.err.find(secret) == std::string::npos);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (!entry.is_regular_file()) continue;
    auto text = core::read_file(entry.path().string());
    REQUIRE(text);
    INFO(entry.path());
    CHECK(text->find(secret) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("a server that echoes the token in its error bodies never gets it into output",
          "[live][secrets]") {
  test::ScriptedServer server(echoing_team);
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", R"(version: 1
team: {name: Acme Corp}
policy: {max_removal_fraction: 1}
members:
  - email: admin@acme.com
  - email: sue@acme.com
  - {email: bob@acme.com, given_name: Bob}
  - {email: pat@acme.com, state: removed}
  - email: new@acme.com
)");
  auto apply =
      test::run_process({ROSTER_BINARY, "apply", "-f", manifest, "--auto-approve", "--api-url",
                         server.url(), "--journal", dir.file("journal.jsonl"), "--format", "json"},
                        {{"DROPBOX_TOKEN", k_secret}, {"NO_COLOR", "1"}});
  INFO(apply.out << apply.err);
  CHECK(apply.exit_code == 4);
  CHECK(apply.out.find("<redacted>") != std::string::npos);  // the echoes were there
  auto journal = core::read_file(dir.file("journal.jsonl"));
  REQUIRE(journal);
  CHECK(journal->find("<redacted>") != std::string::npos);
  check_nothing_holds(k_secret, apply, dir);
  // Every write did reach the server with the token (so each answer did echo it).
  int writes = 0;
  for (const auto& request : server.requests()) {
    CHECK(request.header("Authorization") == "Bearer " + k_secret);
    for (const char* route : {"add_v2", "unsuspend", "set_profile_v2", "remove"})
      writes += request.target == std::string("/2/team/members/") + route ? 1 : 0;
  }
  CHECK(writes >= 4);  // invite, unsuspend, update (retried after its 5xx), remove
}

TEST_CASE("the app secret and refresh token stay out of errors, even echoed back",
          "[live][secrets]") {
  test::ScriptedServer server([](const test::ScriptedRequest& request) {
    // The token endpoint quotes the whole form it received, secrets included.
    test::ScriptedResponse r;
    r.status = request.target == "/oauth2/token" ? 400 : 401;
    r.body = R"({"error": "invalid_grant: )" + request.body + R"(", "error_description": ")" +
             request.body + R"("})";
    return r;
  });
  test::TempDir dir;
  auto manifest = dir.write("team.yaml", "version: 1\nmembers:\n  - email: a@acme.com\n");
  const std::map<std::string, std::string> refresh_env{{"DROPBOX_TOKEN", ""},
                                                       {"DROPBOX_REFRESH_TOKEN", k_refresh},
                                                       {"DROPBOX_APP_KEY", "roster-app-key"},
                                                       {"DROPBOX_APP_SECRET", k_app_secret}};
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"plan", "-f", manifest},
        std::vector<std::string>{"apply", "-f", manifest, "--auto-approve", "--journal",
                                 dir.file("journal.jsonl")},
        std::vector<std::string>{"export", "-o", dir.file("team.yaml.out")}}) {
    auto argv = args;
    argv.insert(argv.begin(), ROSTER_BINARY);
    argv.insert(argv.end(), {"--api-url", server.url()});
    auto r = test::run_process(argv, refresh_env);
    INFO(args[0] << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("the OAuth2 refresh was refused (400 invalid_grant: "
                     "grant_type=refresh_token&refresh_token=<redacted>&client_id=roster-app-key"
                     "&client_secret=<redacted>)") != std::string::npos);
    check_nothing_holds(k_refresh, r, dir);
    check_nothing_holds(k_app_secret, r, dir);
  }
  // The secrets did reach the server: what was echoed was real.
  REQUIRE_FALSE(server.requests().empty());
  CHECK(server.requests().front().body.find(k_app_secret) != std::string::npos);
}
