// The CI contract against roster-emulator: saved plans and their staleness checks,
// machine-readable output, the audit journal, import-csv.
#include <catch2/catch.hpp>

#include <sstream>

#include "live_support.hpp"
#include "roster/core/file.hpp"
#include "roster/core/json.hpp"
#include "support/emulator_runner.hpp"
#include "support/golden.hpp"
#include "support/seed.hpp"

using namespace roster;
using test::EmulatorRunner;

namespace {

struct Fixture {
  EmulatorRunner emulator{test::make_seed({{"bob@acme.com"},
                                           {"ian@acme.com", "invited"},
                                           {"sue@acme.com", "suspended"},
                                           {"carol@acme.com"}},
                                          "admin@acme.com", "Acme Corp")};
  test::TempDir dir;
  std::string manifest = dir.write("team.yaml", R"(version: 1
team: {name: Acme Corp}
policy: {max_removal_fraction: 0.5}
members:
  - email: admin@acme.com
  - {email: bob@acme.com, state: suspended}
  - email: ian@acme.com
  - email: sue@acme.com
  - {email: carol@acme.com, state: removed}
  - {email: new@acme.com, given_name: New}
)");
  std::string plan_file = dir.file("team.plan");
  std::string journal = dir.file("journal.jsonl");

  test::CliRun roster(std::vector<std::string> args) {
    args.insert(args.end(), {"--api-url", emulator.url()});
    if (args[0] == "apply") args.insert(args.end(), {"--journal", journal});
    return test::run_cli(args, {{"DROPBOX_TOKEN", emulator.token()}});
  }
};

core::json::Value parse(const std::string& text) {
  core::json::Value v;
  std::string error;
  INFO(text);
  REQUIRE(core::json::parse(text, v, error));
  return v;
}

std::vector<core::json::Value> journal_lines(const std::string& path) {
  auto text = core::read_file(path);
  REQUIRE(text);
  std::vector<core::json::Value> lines;
  std::istringstream in(*text);
  std::string line;
  while (std::getline(in, line))
    lines.push_back(parse(line));
  return lines;
}

}  // namespace

TEST_CASE("a saved plan applies without a prompt and leaves an audit journal", "[live][gitops]") {
  Fixture f;
  auto plan = f.roster({"plan", "-f", f.manifest, "--out", f.plan_file, "--detailed-exitcode"});
  CHECK(plan.code == cli::ExitCode::changes);
  CHECK(plan.err == "roster: saved the plan to " + f.plan_file + "; apply it with: roster apply " +
                        f.plan_file + "\n");
  auto saved = core::read_file(f.plan_file);
  REQUIRE(saved);
  auto doc = parse(*saved);
  CHECK(doc.find("format_version")->as_string() == "1.3");
  CHECK(doc.find("team")->find("name")->as_string() == "Acme Corp");
  CHECK(doc.find("steps")->as_array().size() == 4);
  CHECK(saved->find(f.emulator.token()) == std::string::npos);

  auto shown = f.roster({"show", f.plan_file});
  CHECK(shown.code == cli::ExitCode::success);
  CHECK(shown.out.find("Plan: 1 to invite, 1 to unsuspend, 1 to suspend, 1 to remove.") !=
        std::string::npos);
  CHECK(f.roster({"show", f.plan_file, "--format", "markdown"})
            .out.rfind("### roster plan for Acme Corp", 0) == 0);

  auto apply = f.roster({"apply", f.plan_file});  // not a terminal, and no prompt needed
  CHECK(apply.code == cli::ExitCode::success);
  CHECK(apply.out.find("Apply: 4 steps: 4 succeeded, 0 failed, 0 skipped.") != std::string::npos);
  auto again = f.roster({"plan", "-f", f.manifest, "--detailed-exitcode"});
  CHECK(again.code == cli::ExitCode::success);

  auto lines = journal_lines(f.journal);
  REQUIRE(lines.size() == 1 + 4 + 4 + 1);
  CHECK(lines.front().find("event")->as_string() == "apply_started");
  CHECK(lines.front().find("source")->as_string() == "planfile");
  CHECK(lines.back().find("event")->as_string() == "apply_finished");
  CHECK(lines.back().find("succeeded")->as_number() == 4);
  bool removal_has_job = false;
  for (const auto& line : lines) {
    if (line.find("event")->as_string() != "step_finished") continue;
    CHECK(line.find("result")->as_string() == "succeeded");
    CHECK(line.find("attempts")->as_number() == 1);
    CHECK(line.find("time")->as_string().size() == 20);
    if (line.find("action")->as_string() == "remove") {
      removal_has_job = line.find("job_id")->is_string();
    }
  }
  CHECK(removal_has_job);
}

TEST_CASE("a stale plan is refused whole, naming each member that changed", "[live][gitops]") {
  Fixture f;
  REQUIRE(f.roster({"plan", "-f", f.manifest, "--out", f.plan_file}).code ==
          cli::ExitCode::success);
  // Others act in the meantime: an invitee joins (no step touches ian, so that does not
  // matter), and another apply unsuspends sue and removes carol.
  f.emulator.accept_invite("ian@acme.com");
  auto other = f.dir.write("other.yaml", R"(version: 1
policy: {max_removal_fraction: 0.5}
members:
  - email: admin@acme.com
  - {email: bob@acme.com}
  - {email: ian@acme.com}
  - {email: sue@acme.com}
  - {email: carol@acme.com, state: removed}
)");
  REQUIRE(f.roster({"apply", "-f", other, "--auto-approve"}).code == cli::ExitCode::success);
  int writes_before =
      f.emulator.calls("team/members/suspend") + f.emulator.calls("team/members/add_v2");
  auto apply = f.roster({"apply", f.plan_file});
  CHECK(apply.code == cli::ExitCode::error);
  CHECK(apply.err ==
        "roster: error: " + f.plan_file +
            " is stale: 2 members changed since it was made; nothing was changed. "
            "Plan again.\n  sue@acme.com: status was \"suspended\", is now \"active\"\n"
            "  carol@acme.com: status was \"active\", is now \"removed\"\n");
  CHECK(f.emulator.calls("team/members/suspend") + f.emulator.calls("team/members/add_v2") ==
        writes_before);
}

TEST_CASE("a plan for another team is refused", "[live][gitops]") {
  Fixture f;
  REQUIRE(f.roster({"plan", "-f", f.manifest, "--out", f.plan_file}).code ==
          cli::ExitCode::success);
  std::string seed = test::make_seed({{"bob@acme.com"}}, "admin@acme.com", "Other Inc");
  seed.replace(seed.find("dbtid:AAtest"), 12, "dbtid:AAother");
  EmulatorRunner other(seed);
  auto apply =
      test::run_cli({"apply", f.plan_file, "--api-url", other.url(), "--journal", f.journal},
                    {{"DROPBOX_TOKEN", other.token()}});
  CHECK(apply.code == cli::ExitCode::refused);
  CHECK(apply.err == "roster: error: " + f.plan_file +
                         " was made for team Acme Corp (dbtid:AAtest), but the token belongs to "
                         "team Other Inc (dbtid:AAother); nothing was changed\n");
}

TEST_CASE("roster prints one JSON document per command with --format json", "[live][gitops]") {
  Fixture f;
  auto plan = f.roster({"plan", "-f", f.manifest, "--format", "json"});
  CHECK(plan.code == cli::ExitCode::success);
  auto doc = parse(plan.out);
  CHECK(doc.find("has_changes")->as_bool());
  REQUIRE(doc.find("drift")->as_array().size() == 1);  // ian's invitation is pending
  CHECK(doc.find("drift")->as_array()[0].find("kind")->as_string() == "pending_invite");

  auto validate = f.roster({"validate", "-f", f.manifest, "--format", "json"});
  CHECK(validate.code == cli::ExitCode::success);
  CHECK(parse(validate.out).find("valid")->as_bool());
  auto bad = f.dir.write("bad.yaml", "version: 1\nmembers:\n  - {email: x, stat: removed}\n");
  auto invalid = f.roster({"validate", "-f", bad, "--format", "json"});
  CHECK(invalid.code == cli::ExitCode::error);
  CHECK(invalid.err.empty());
  auto diagnostics = parse(invalid.out);
  CHECK_FALSE(diagnostics.find("valid")->as_bool());
  CHECK(diagnostics.find("error_count")->as_number() == 2);
  const auto& first = diagnostics.find("diagnostics")->as_array().at(0);
  CHECK(first.find("line")->as_number() == 3);
  CHECK(first.find("column")->as_number() == 13);

  auto apply = f.roster({"apply", "-f", f.manifest, "--auto-approve", "--format", "json"});
  CHECK(apply.code == cli::ExitCode::success);
  auto report = parse(apply.out);  // stdout is the report alone; progress went to stderr
  CHECK(report.find("summary")->find("succeeded")->as_number() == 4);
  CHECK(report.find("outcomes")->as_array().size() == 4);
  CHECK(apply.err.find("[1/4]") != std::string::npos);
}

TEST_CASE("import-csv turns an HR export into members that validate", "[gitops][csv]") {
  test::TempDir dir;
  auto csv = dir.write("hr.csv",
                       "\xef\xbb\xbf"
                       "Email,Given_Name,Surname,External_ID,State\r\n"
                       "amy@acme.com,Amy,\"Smith, Jr\",E1,active\r\n"
                       "bob@acme.com,Bob,Jones,E2,suspended\r\n");
  auto imported = test::run_cli({"import-csv", csv}, {});
  CHECK(imported.code == cli::ExitCode::success);
  CHECK(imported.err.empty());
  auto manifest = dir.write("members.yaml", imported.out);
  auto validated = test::run_cli({"validate", "-f", manifest}, {});
  CHECK(validated.code == cli::ExitCode::success);
  CHECK(validated.out.find("valid: 2 members (1 active, 1 suspended, 0 removed)") !=
        std::string::npos);
  CHECK(imported.out.find("surname: \"Smith, Jr\"") != std::string::npos);

  auto bad = dir.write("bad.csv", "email,stat\namy@acme.com,x\n");
  auto refused = test::run_cli({"import-csv", bad}, {});
  CHECK(refused.code == cli::ExitCode::error);
  CHECK(refused.out.empty());
  CHECK(refused.err == bad + ":1:7: error: unknown column \"stat\" (did you mean \"state\"?)\n");
}
