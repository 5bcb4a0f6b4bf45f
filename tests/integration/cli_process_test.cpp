// The real `roster` binary as a user or CI runs it: streams, exit codes, messages.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/golden.hpp"
#include "support/process.hpp"

using roster::test::run_process;
using roster::test::test_path;

namespace {

roster::test::ProcessResult run_roster(std::vector<std::string> args) {
  args.insert(args.begin(), ROSTER_BINARY);
  return run_process(args, {{"NO_COLOR", ""}});
}

const std::string k_example = test_path("../manifests/example.yaml");
const std::string k_observed = test_path("../manifests/demo/observed.json");

}  // namespace

TEST_CASE("roster validate accepts the example manifest", "[cli-process]") {
  auto r = run_roster({"validate", "-f", k_example});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == k_example + ": valid: 22 members (10 active, 6 suspended, 6 removed) in 1 file\n");
}

TEST_CASE("each bad manifest exits 1 with its located error on stderr", "[cli-process]") {
  struct Case {
    std::string fixture;
    std::string error;
  };
  auto c = GENERATE(values<Case>({
      {"typo.yaml", ":7:5: error: unknown key \"stat\" in member (did you mean \"state\"?)"},
      {"malformed.yaml",
       ":4:2: error: malformed YAML: did not find expected key (while parsing a block mapping at "
       "line 1)"},
      {"empty.yaml",
       ":1:1: error: empty manifest (expected a mapping with \"version\" and \"members\")"},
      {"no_version.yaml",
       ":2:1: error: missing required key \"version\" (this roster reads "
       "version: 1)"},
      {"duplicate.yaml", ":6:12: error: duplicate member \"amy@acme.com\" (first listed at " +
                             test_path("fixtures/manifests/duplicate.yaml") + ":4:12)"},
  }));
  DYNAMIC_SECTION(c.fixture) {
    std::string path = test_path("fixtures/manifests/" + c.fixture);
    auto r = run_roster({"validate", "-f", path});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == path + c.error + "\n");
    auto p = run_roster({"plan", "-f", path, "--observed", k_observed});
    CHECK(p.exit_code == 1);
    CHECK(p.out.empty());
    CHECK(p.err == r.err);
  }
}

TEST_CASE("roster plan exit codes follow the contract", "[cli-process]") {
  auto plain = run_roster({"plan", "-f", k_example, "--observed", k_observed});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.find("Plan: 1 to revoke role, 2 to recover, 2 to invite, 1 to unsuspend, 1 to "
                       "create group, 1 to set role, 2 to update, 10 to add to group, 1 to set "
                       "access, 1 to remove from group, 1 to add email, 1 to set quota, 3 to "
                       "suspend, 3 to remove. 1 removal scheduled.") != std::string::npos);
  auto detailed =
      run_roster({"plan", "-f", k_example, "--observed", k_observed, "--detailed-exitcode"});
  CHECK(detailed.exit_code == 2);
  auto refused = run_roster({"plan", "-f", k_example, "--observed", k_observed,
                             "--max-removal-fraction", "0.2", "--detailed-exitcode"});
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("roster: error: plan refused by safety guard removal_fraction") == 0);
}

TEST_CASE("a plan with no changes exits 0 even with --detailed-exitcode", "[cli-process]") {
  std::string path = test_path("fixtures/manifests/in_sync.yaml");
  auto r = run_roster({"plan", "-f", path, "--observed",
                       test_path("fixtures/snapshots/in_sync.json"), "--detailed-exitcode"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.find("No changes: the team matches the manifest.") != std::string::npos);
}

TEST_CASE("a bad snapshot exits 1 with a located error", "[cli-process]") {
  std::string path = test_path("fixtures/snapshots/bad_status.json");
  auto r = run_roster({"plan", "-f", k_example, "--observed", path});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == path + ":9:19: error: members[0].profile: unknown member status \"deleted\"\n");
  auto missing = run_roster({"plan", "-f", k_example, "--observed", "/nonexistent.json"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err ==
        "/nonexistent.json: error: cannot read snapshot: No such file or directory\n");
}

TEST_CASE("usage errors exit 1, help and version exit 0", "[cli-process]") {
  auto unknown = run_roster({"deploy"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err.rfind("roster: error: ", 0) == 0);
  CHECK(run_roster({"plan", "--help"}).exit_code == 0);
  auto version = run_roster({"version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("roster ", 0) == 0);
}

TEST_CASE("roster plan writes nothing", "[cli-process]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("roster-plan-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::copy_file(k_example, dir / "team.yaml");
  auto before = fs::last_write_time(dir / "team.yaml");
  auto r = run_roster({"plan", "-f", (dir / "team.yaml").string(), "--observed", k_observed});
  CHECK(r.exit_code == 0);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
    ++entries;
  CHECK(entries == 1);
  CHECK(fs::last_write_time(dir / "team.yaml") == before);
  fs::remove_all(dir);
}
