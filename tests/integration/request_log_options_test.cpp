// Bad request-log options: one exact line on stderr, exit 1, nothing else done.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/golden.hpp"
#include "support/process.hpp"

using namespace roster;

namespace {

const std::string k_example = test::test_path("../manifests/example.yaml");

test::ProcessResult run_roster(std::vector<std::string> args,
                               const std::map<std::string, std::string>& env = {}) {
  args.insert(args.begin(), ROSTER_BINARY);
  return test::run_process(args, env);
}

}  // namespace

TEST_CASE("a bad --log-level, --log-format or ROSTER_LOG is one exact error, exit 1", "[log]") {
  auto level = run_roster({"validate", "-f", k_example, "--log-level", "verbose"});
  CHECK(level.exit_code == 1);
  CHECK(level.out.empty());
  CHECK(level.err ==
        "roster: error: --log-level: \"verbose\" is not a log level (use debug, info or warn) "
        "(see 'roster --help')\n");

  auto format = run_roster({"validate", "-f", k_example, "--log-format", "xml"});
  CHECK(format.exit_code == 1);
  CHECK(format.err ==
        "roster: error: --log-format: \"xml\" is not a log format (use text or json) (see "
        "'roster --help')\n");

  auto env = run_roster({"validate", "-f", k_example}, {{"ROSTER_LOG", "loud"}});
  CHECK(env.exit_code == 1);
  CHECK(env.out.empty());
  CHECK(env.err ==
        "roster: error: ROSTER_LOG: \"loud\" is not a log level (use debug, info or warn)\n");

  // The option wins over the variable, so a bad variable is not looked at then.
  auto both =
      run_roster({"validate", "-f", k_example, "--log-level", "warn"}, {{"ROSTER_LOG", "loud"}});
  CHECK(both.exit_code == 0);
}

TEST_CASE("the log file cannot be the journal or an unwritable path", "[log]") {
  auto dir = std::filesystem::temp_directory_path() / "roster-log-options-test";
  std::filesystem::create_directories(dir);
  const std::string journal = (dir / "journal.jsonl").string();
  auto same = run_roster({"apply", "-f", k_example, "--auto-approve", "--journal", journal,
                          "--log-file", journal, "--api-url", "http://127.0.0.1:1"},
                         {{"DROPBOX_TOKEN", "t"}});
  CHECK(same.exit_code == 1);
  CHECK(same.err == "roster: error: --log-file " + journal +
                        " is the journal; give the log a file of its own\n");
  CHECK_FALSE(std::filesystem::exists(journal));

  const std::string missing = (dir / "no-such-dir" / "roster.log").string();
  auto unwritable = run_roster({"validate", "-f", k_example, "--log-file", missing});
  CHECK(unwritable.exit_code == 1);
  CHECK(unwritable.err ==
        "roster: error: cannot open the log file " + missing + ": No such file or directory\n");
  std::filesystem::remove_all(dir);
}
