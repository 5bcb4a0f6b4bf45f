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

TEST_CASE("validate needs -f, unknown flags and commands are errors", "[cli]") {
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

TEST_CASE("roster help prints the command's help, not an error", "[cli]") {
  auto help = parse_options({"plan", "--help"});
  CHECK_FALSE(help.is_error);
  CHECK_FALSE(help.options);
  CHECK(help.output.find("--detailed-exitcode") != std::string::npos);
  auto top = parse_options({"--help"});
  CHECK(top.output.find("validate") != std::string::npos);
}

TEST_CASE("global options are accepted before or after the command name", "[cli]") {
  auto before = parse_options(
      {"--api-url", "http://127.0.0.1:9", "--parallelism", "3", "plan", "-f", "t.yaml"});
  auto after = parse_options({"plan", "-f", "t.yaml", "--token-file", "tok", "--api-url",
                              "http://127.0.0.1:9", "--parallelism", "3"});
  REQUIRE(before.options);
  REQUIRE(after.options);
  CHECK(before.options->api_url == "http://127.0.0.1:9");
  CHECK(after.options->api_url == "http://127.0.0.1:9");
  CHECK(before.options->parallelism == 3);
  CHECK(after.options->parallelism == 3);
  CHECK(after.options->token_file == "tok");
}

TEST_CASE("apply takes a manifest or a plan file, never both", "[cli]") {
  auto saved = parse_options({"apply", "team.plan", "--journal", "j.jsonl", "--format", "json"});
  REQUIRE(saved.options);
  CHECK(saved.options->plan_file == "team.plan");
  CHECK(saved.options->journal_path == "j.jsonl");
  CHECK(saved.options->format == roster::render::Format::json);
  auto manifest = parse_options({"apply", "-f", "team.yaml"});
  REQUIRE(manifest.options);
  CHECK(manifest.options->journal_path == "roster-journal.jsonl");
  CHECK(parse_options({"apply", "-f", "team.yaml", "team.plan"}).is_error);
  auto neither = parse_options({"apply"});
  CHECK(neither.is_error);
  CHECK(neither.output == "apply needs -f MANIFEST (re-plan from the live team) or a PLANFILE");
  CHECK(parse_options({"plan", "-f", "t.yaml", "--format", "xml"}).is_error);
  CHECK(parse_options({"validate", "-f", "t.yaml", "--format", "markdown"}).is_error);
}

TEST_CASE("the target option repeats, is normalised, and must be an email", "[cli][targets]") {
  auto parsed = parse_options({"apply", "-f", "team.yaml", "--target", "Ann@ACME.com", "--target",
                               "bob@acme.com", "--auto-approve"});
  REQUIRE(parsed.options);
  CHECK(parsed.options->targets == std::vector<std::string>{"ann@acme.com", "bob@acme.com"});
  auto bad = parse_options({"plan", "-f", "team.yaml", "--target", "ann"});
  CHECK(bad.is_error);
  CHECK(bad.output == "--target: \"ann\" is not an email address");
  auto saved = parse_options({"apply", "team.plan", "--target", "ann@acme.com"});
  CHECK(saved.is_error);
  CHECK(saved.output ==
        "--target applies to planning: a saved plan keeps the targets it was made with");
  CHECK(parse_options({"show", "team.plan", "--target", "ann@acme.com"}).is_error);
}

TEST_CASE("doctor takes an optional manifest and a timeout within 1s..10m", "[cli][doctor]") {
  auto bare = parse_options({"doctor"});
  REQUIRE(bare.options);
  CHECK(bare.options->command == Command::doctor);
  CHECK(bare.options->manifest_path.empty());
  CHECK(bare.options->doctor_timeout == std::chrono::seconds(30));
  auto full = parse_options({"doctor", "-f", "team.yaml", "--timeout", "5s"});
  REQUIRE(full.options);
  CHECK(full.options->manifest_path == "team.yaml");
  CHECK(full.options->doctor_timeout == std::chrono::seconds(5));
  auto bad = parse_options({"doctor", "--timeout", "5"});
  CHECK(bad.is_error);
  CHECK(bad.output ==
        "--timeout: \"5\" is not a duration (use whole numbers with a unit, e.g. 90s, 30m, 1h or "
        "1h30m)");
  auto long_wait = parse_options({"doctor", "--timeout", "1h"});
  CHECK(long_wait.is_error);
  CHECK(long_wait.output == "--timeout 1h is out of range (1s to 10m)");
}

TEST_CASE("snapshot needs -o, rehearse needs -f, and both take a bounded --timeout",
          "[cli][snapshot][rehearse]") {
  auto snapshot = parse_options({"snapshot", "-o", "team.json", "--timeout", "10m"});
  REQUIRE(snapshot.options);
  CHECK(snapshot.options->command == Command::snapshot);
  CHECK(snapshot.options->output_path == "team.json");
  CHECK(snapshot.options->timeout == std::chrono::minutes(10));
  CHECK(parse_options({"snapshot"}).output == "--output is required");
  CHECK(parse_options({"snapshot", "-o", "t.json", "--timeout", "90"}).output ==
        "--timeout: \"90\" is not a duration (use whole numbers with a unit, e.g. 90s, 30m, 1h "
        "or 1h30m)");

  auto rehearse = parse_options(
      {"rehearse", "-f", "team/", "--observed", "team.json", "--max-removal-fraction", "0.5"});
  REQUIRE(rehearse.options);
  CHECK(rehearse.options->command == Command::rehearse);
  CHECK(rehearse.options->manifest_path == "team/");
  CHECK(rehearse.options->observed_path == "team.json");
  CHECK(rehearse.options->max_removal_fraction == 0.5);
  CHECK(rehearse.options->timeout == std::chrono::hours(1));
  CHECK(parse_options({"rehearse"}).output == "--file is required");
  CHECK(parse_options({"rehearse", "-f", "t.yaml", "--out", "p"}).is_error);
}
