// A token never appears in output, errors or files: every command runs with a known
// secret, and nothing it prints or writes may contain it.
#include <catch2/catch.hpp>

#include <filesystem>

#include "roster/core/file.hpp"
#include "support/emulator_runner.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
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
