// Found by fuzzing the JSON reader against an independent parser (tests/fuzz/json_fuzz.cpp):
// bytes that are not UTF-8 inside strings were accepted, and came out of `roster plan
// --format json` as a document no JSON parser reads.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "roster/cli/run.hpp"
#include "roster/core/json.hpp"
#include "roster/model/observed.hpp"
#include "support/cli_run.hpp"
#include "support/golden.hpp"

using namespace roster;

TEST_CASE("json parse refuses strings that are not UTF-8, at the first bad byte", "[json]") {
  const auto [text, message] = GENERATE(table<std::string, std::string>({
      {"\"Id\xff"
       "a\"",
       "1:4: invalid encoding in string"},
      {"[\"\x80\"]", "1:3: invalid encoding in string"},            // a lone continuation byte
      {"\"\xc0\xaf\"", "1:2: invalid encoding in string"},          // overlong '/'
      {"\"\xe0\x80\xaf\"", "1:2: invalid encoding in string"},      // overlong, 3 bytes
      {"\"\xed\xa0\x80\"", "1:2: invalid encoding in string"},      // a UTF-16 surrogate
      {"\"\xf4\x90\x80\x80\"", "1:2: invalid encoding in string"},  // past U+10FFFF
      {"\"ab\xe2\x82\"", "1:4: invalid encoding in string"},        // cut short
      {"{\"k\xf5\x80\x80\x80\": 1}", "1:4: invalid encoding in string"},  // in a key
  }));
  core::json::Value v;
  std::string error;
  INFO(text);
  CHECK_FALSE(core::json::parse(text, v, error));
  CHECK(error == message);
}

TEST_CASE("json parse keeps every well-formed UTF-8 sequence", "[json]") {
  const std::string text =
      "\"\xc3\xa9 \xe2\x82\xac \xed\x9f\xbf \xee\x80\x80 \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf\"";
  core::json::Value v;
  std::string error;
  REQUIRE(core::json::parse(text, v, error));
  CHECK(v.as_string() == text.substr(1, text.size() - 2));
}

TEST_CASE("a snapshot with a name that is not UTF-8 is an error with its place, exit 1",
          "[json][cli]") {
  std::ifstream in(test::test_path("fixtures/snapshots/in_sync.json"), std::ios::binary);
  std::string snapshot((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto at = snapshot.find("\"given_name\": \"Ida\"");
  REQUIRE(at != std::string::npos);
  snapshot.replace(at, 19,
                   "\"given_name\": \"Id\xff"
                   "a\"");
  const auto path = std::filesystem::temp_directory_path() /
                    ("roster-utf8-snapshot-" + std::to_string(::getpid()) + ".json");
  std::ofstream(path, std::ios::binary) << snapshot;

  const auto r = test::run_cli({"plan", "-f", test::test_path("fixtures/manifests/in_sync.yaml"),
                                "--observed", path.string(), "--format", "json"});
  std::filesystem::remove(path);
  CHECK(r.code == cli::ExitCode::error);
  CHECK(r.out.empty());
  CHECK(r.err == path.string() + ":3:61: error: malformed JSON: invalid encoding in string\n");
}
