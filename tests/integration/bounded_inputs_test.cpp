// Hostile inputs through the real binary: one clear located error, exit 1, bounded output.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "support/golden.hpp"
#include "support/process.hpp"

using roster::test::run_process;
using roster::test::test_path;
namespace fs = std::filesystem;

namespace {

roster::test::ProcessResult run_roster(std::vector<std::string> args) {
  args.insert(args.begin(), ROSTER_BINARY);
  return run_process(args, {{"NO_COLOR", ""}});
}

// A scratch directory removed at the end of the test.
class Scratch {
 public:
  Scratch() : m_dir(fs::temp_directory_path() / ("roster-bounded-" + std::to_string(::getpid()))) {
    fs::create_directories(m_dir);
  }
  ~Scratch() { fs::remove_all(m_dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(m_dir / name, std::ios::binary) << text;
    return (m_dir / name).string();
  }

 private:
  fs::path m_dir;
};

const std::string k_example = test_path("../manifests/example.yaml");
const std::string k_observed = test_path("../manifests/demo/observed.json");

}  // namespace

TEST_CASE("a manifest nested a million levels deep is one error, exit 1", "[cli-process][limits]") {
  Scratch scratch;
  auto path = scratch.write("deep.yaml", "version: 1\nmembers: " + std::string(1000000, '['));
  auto r = run_roster({"validate", "-f", path});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == path + ":2:73: error: nesting deeper than 64 levels (a manifest needs 5)\n");
}

TEST_CASE("validate reports the first 100 problems and counts the rest", "[cli-process][limits]") {
  Scratch scratch;
  std::string text = "version: 1\nmembers:\n";
  for (int i = 0; i < 150; ++i)
    text += "  - {}\n";
  auto path = scratch.write("empty-members.yaml", text);
  auto human = run_roster({"validate", "-f", path});
  CHECK(human.exit_code == 1);
  CHECK(std::count(human.err.begin(), human.err.end(), '\n') == 101);
  CHECK(human.err.ends_with(path +
                            ":102:5: error: member has no \"email\"\n... and 50 more errors\n"));
  auto json = run_roster({"validate", "-f", path, "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK(json.out.find("\"error_count\": 150,") != std::string::npos);
  CHECK(json.out.find("\"omitted\": 50,") != std::string::npos);
}

TEST_CASE("roster show refuses a count out of range in a saved plan", "[cli-process][limits]") {
  Scratch scratch;
  auto plan = scratch.write("demo.plan", "");
  REQUIRE(
      run_roster({"plan", "-f", k_example, "--observed", k_observed, "--out", plan}).exit_code ==
      0);
  std::ifstream in(plan);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto at = text.find("\"live_members\": ") + 16;
  text.replace(at, text.find(',', at) - at, "1e300");
  scratch.write("demo.plan", text);
  auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
  auto r = run_roster({"show", plan});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == plan + ":" + std::to_string(line) +
                     ":21: error: not a roster plan file: summary: \"live_members\" must be a "
                     "whole number from 0 to 2147483647, found 1e+300\n");
}

TEST_CASE("a snapshot with a NUL byte or deep nesting is refused, exit 1",
          "[cli-process][limits]") {
  Scratch scratch;
  auto nul = scratch.write("nul.json", std::string("{\"members\": []}\0{\"members\": [1]}", 32));
  auto r = run_roster({"plan", "-f", k_example, "--observed", nul});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(
      r.err ==
      nul +
          ":1:16: error: malformed JSON: the document root must not be followed by other values\n");
  auto deep = scratch.write("deep.json", "{\"members\": " + std::string(1000000, '['));
  r = run_roster({"plan", "-f", k_example, "--observed", deep});
  CHECK(r.exit_code == 1);
  CHECK(r.err == deep + ":1:76: error: malformed JSON: nesting deeper than 64 levels\n");
}
