#include <catch2/catch.hpp>

#include "cli/options.hpp"

using namespace roster::cli;

TEST_CASE("plan options parse with their flags", "[cli]") {
  auto parsed = parse_options({"plan", "-f", "team.yaml", "--observed", "s.json",
                               "--detailed-exitcode", "--max-removal-fraction", "0.2"});
  REQUIRE(parsed.options);
  CHECK(parsed.options->command == Command::plan);
  CHECK(parsed.options->manifest_path == "team.yaml");
  CHECK(parsed.options->observed_path == "s.json");
  CHECK(parsed.options->detailed_exitcode);
  CHECK(parsed.options->max_removal_fraction == 0.2);
}

TEST_CASE("validate needs -f; unknown flags and commands are errors", "[cli]") {
  auto missing = parse_options({"validate"});
  CHECK(missing.is_error);
  CHECK(missing.output == "--file is required");
  auto unknown = parse_options({"plan", "-f", "x.yaml", "--observd", "s.json"});
  CHECK(unknown.is_error);
  CHECK(unknown.output.find("--observd") != std::string::npos);
  CHECK(parse_options({"deploy"}).is_error);
  CHECK(parse_options({}).is_error);
  auto range = parse_options({"plan", "-f", "x.yaml", "--max-removal-fraction", "2"});
  CHECK(range.is_error);
}

TEST_CASE("--help prints the command's help, not an error", "[cli]") {
  auto help = parse_options({"plan", "--help"});
  CHECK_FALSE(help.is_error);
  CHECK_FALSE(help.options);
  CHECK(help.output.find("--detailed-exitcode") != std::string::npos);
  auto top = parse_options({"--help"});
  CHECK(top.output.find("validate") != std::string::npos);
}
