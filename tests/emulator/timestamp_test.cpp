// The emulator's own timestamps (common.DropboxTimestamp): real calendar dates only, in
// seeds, state files and journal records alike.
#include <catch2/catch.hpp>

#include <fstream>

#include "persistence/state_codec.hpp"
#include "roster/emulator/emulator.hpp"
#include "store/timestamp.hpp"
#include "support/temp_dir.hpp"

using namespace roster::emulator;
using namespace roster::emulator::test;

TEST_CASE("timestamps that name real times parse and print back unchanged",
          "[emulator][timestamp]") {
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_timestamp("2015-05-12T15:50:38Z") == 1431445838);
  for (const auto* text :
       {"2024-02-29T00:00:00Z", "2026-02-28T23:59:59Z", "2026-12-31T23:59:59Z",
        "2000-02-29T12:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"}) {
    INFO(text);
    const auto parsed = parse_timestamp(text);
    REQUIRE(parsed);
    CHECK(format_timestamp(*parsed) == text);
  }
}

TEST_CASE("days a month does not have are errors, not carried into the next month",
          "[emulator][timestamp]") {
  for (const auto* text :
       {"2026-02-31T00:00:00Z", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-06-31T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z", "2026-01-00T00:00:00Z", "2026-01-32T00:00:00Z"}) {
    INFO(text);
    CHECK_FALSE(parse_timestamp(text));
  }
}

TEST_CASE("times of day past 23:59:59 and other shapes are errors", "[emulator][timestamp]") {
  for (const auto* text : {"2026-05-12T24:00:00Z", "2026-05-12T23:60:00Z", "2026-05-12T23:59:60Z",
                           "2026-05-12 15:50:38Z", "2026-05-12T15:50:38", "2026-05-12T15:50:38z",
                           "2026-05-12T15:50:38.5Z", "+026-05-12T15:50:38Z", "2026-5-12T15:50:38Z",
                           "2026-05-12T1:50:38Z", "2026-05-12T15:50:38+00:00", "", "2026-05-12"}) {
    INFO(text);
    CHECK_FALSE(parse_timestamp(text));
  }
}

TEST_CASE("a seed, a state file or a journal record with an impossible date is refused",
          "[emulator][timestamp][state]") {
  const std::string seed =
      R"({"members": [{"email": "a@t.com", "status": "suspended", "suspended_on": "2026-02-31T00:00:00Z"}]})";
  const auto decoded = decode_state(seed, 0);
  REQUIRE_FALSE(decoded.has_value());
  CHECK(decoded.error().message ==
        "members[0].suspended_on: expected a real UTC time like 2026-05-12T15:50:38Z, got "
        "\"2026-02-31T00:00:00Z\"");

  TempDir dir;
  std::ofstream(dir.file("state.json")) << seed;
  EmulatorOptions options;
  options.state_path = dir.file("state.json");
  const auto started = Emulator::start(options);
  REQUIRE_FALSE(started);
  CHECK(started.error().message ==
        dir.file("state.json") +
            ": members[0].suspended_on: expected a real UTC time like 2026-05-12T15:50:38Z, got "
            "\"2026-02-31T00:00:00Z\"");

  TeamState state;
  JournalReplay replay(state);
  const auto applied = replay.apply(
      R"({"members": [{"email": "b@t.com", "team_member_id": "dbmid:b", "removed_on": "2026-04-31T10:00:00Z", "status": "removed"}]})");
  REQUIRE_FALSE(applied.has_value());
  CHECK(applied.error().message ==
        "journal member.removed_on: expected a real UTC time like 2026-05-12T15:50:38Z, got "
        "\"2026-04-31T10:00:00Z\"");
}
