// `roster report` and `roster show --format html` in-process: what they write, where, and
// their exit codes (decision 0050). The page itself: tests/unit/render/audit_report_test.cpp
// and, in a browser, tests/browser/.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "roster/cli/run.hpp"
#include "roster/model/observed.hpp"
#include "support/cli_run.hpp"
#include "support/golden.hpp"

using namespace roster;
namespace fs = std::filesystem;

namespace {

test::CliRun run(const std::vector<std::string>& args) {
  return test::run_cli(args);
}

std::string read(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct TempDir {
  fs::path path = fs::temp_directory_path() / ("roster-report-" + std::to_string(::getpid()));
  TempDir() { fs::create_directories(path); }
  ~TempDir() { fs::remove_all(path); }
};

const std::string k_example = test::test_path("../manifests/example.yaml");
const std::string k_observed = test::test_path("../manifests/demo/observed.json");

bool is_page(const std::string& text) {
  return text.rfind("<!DOCTYPE html>\n", 0) == 0 && text.find("</html>\n") != std::string::npos;
}

}  // namespace

TEST_CASE("roster report writes the page to stdout, or to -o with one line on stderr",
          "[cli][report]") {
  auto r = run({"report", "-f", k_example, "--observed", k_observed});
  CHECK(r.code == cli::ExitCode::success);
  CHECK(r.err.empty());
  CHECK(is_page(r.out));
  CHECK(r.out.find("Read at</th><td>2026-11-26T12:00:00Z") != std::string::npos);
  // The whole page, for review (refresh with UPDATE_GOLDEN=1 after changing report.css/js).
  CHECK(test::compare_golden("report_demo.html", r.out) == "");
  TempDir dir;
  auto file = (dir.path / "report.html").string();
  auto written = run({"report", "-f", k_example, "--observed", k_observed, "-o", file});
  CHECK(written.code == cli::ExitCode::success);
  CHECK(written.out.empty());
  CHECK(written.err == "roster: wrote the report to " + file + "\n");
  CHECK(read(file) == r.out);
}

TEST_CASE("a refused plan still gets its report, which shows the guard, and exits 3",
          "[cli][report]") {
  TempDir dir;
  auto file = (dir.path / "report.html").string();
  auto r = run({"report", "-f", k_example, "--observed", k_observed, "--max-removal-fraction",
                "0.1", "-o", file});
  CHECK(r.code == cli::ExitCode::refused);
  CHECK(r.err == "roster: wrote the report to " + file +
                     "\nroster: error: a safety guard refused the plan; the report shows which\n");
  auto page = read(file);
  CHECK(is_page(page));
  CHECK(page.find("A guard refused this plan") != std::string::npos);
  CHECK(page.find("<tr class=\"guard-refused\"><td>removal_fraction</td>") != std::string::npos);
}

TEST_CASE("roster report on bad input exits 1 with one located line and writes nothing",
          "[cli][report]") {
  TempDir dir;
  auto file = (dir.path / "report.html").string();
  auto typo = test::test_path("fixtures/manifests/typo.yaml");
  auto bad_manifest = run({"report", "-f", typo, "--observed", k_observed, "-o", file});
  CHECK(bad_manifest.code == cli::ExitCode::error);
  CHECK(bad_manifest.err == typo +
                                ":7:5: error: unknown key \"stat\" in member (did you mean "
                                "\"state\"?)\n");
  std::ofstream(dir.path / "broken.json") << "{\"members\": [}";
  auto broken = (dir.path / "broken.json").string();
  auto bad_snapshot = run({"report", "-f", k_example, "--observed", broken, "-o", file});
  CHECK(bad_snapshot.code == cli::ExitCode::error);
  CHECK(bad_snapshot.err.rfind(broken + ":1:14: error: ", 0) == 0);
  CHECK_FALSE(fs::exists(file));
  auto missing_dir = (dir.path / "no-such-dir" / "report.html").string();
  auto unwritable = run({"report", "-f", k_example, "--observed", k_observed, "-o", missing_dir});
  CHECK(unwritable.code == cli::ExitCode::error);
  CHECK(unwritable.err.rfind("roster: error: cannot write " + missing_dir + ": ", 0) == 0);
  auto no_manifest = run({"report", "--observed", k_observed});
  CHECK(no_manifest.code == cli::ExitCode::error);
  CHECK(no_manifest.err == "roster: error: --file is required (see 'roster --help')\n");
}

TEST_CASE("roster show --format html writes a saved plan's report, and plan has no html format",
          "[cli][report]") {
  TempDir dir;
  auto plan_file = (dir.path / "roster.plan").string();
  REQUIRE(run({"plan", "-f", k_example, "--observed", k_observed, "--out", plan_file}).code ==
          cli::ExitCode::success);
  auto r = run({"show", plan_file, "--format", "html"});
  CHECK(r.code == cli::ExitCode::success);
  CHECK(r.err.empty());
  CHECK(is_page(r.out));
  CHECK(r.out.find("Made from a saved plan") != std::string::npos);
  auto usage = run({"plan", "-f", k_example, "--observed", k_observed, "--format", "html"});
  CHECK(usage.code == cli::ExitCode::error);
  CHECK(usage.err ==
        "roster: error: --format: Check html value in {human->0,json->1,markdown->2} "
        "OR {0,1,2} FAILED (see 'roster --help')\n");
}
