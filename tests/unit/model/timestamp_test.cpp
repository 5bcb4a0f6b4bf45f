#include <catch2/catch.hpp>

#include "roster/model/observed.hpp"

using namespace roster::model;

TEST_CASE("Dropbox timestamps parse to epoch seconds and format back", "[model][timestamp]") {
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_timestamp("2015-05-12T15:50:38Z") == 1431445838);
  CHECK(format_timestamp(1431445838) == "2015-05-12T15:50:38Z");
  CHECK(format_timestamp(951782400) == "2000-02-29T00:00:00Z");
  CHECK_FALSE(parse_timestamp("2015-05-12 15:50:38Z"));
  CHECK_FALSE(parse_timestamp("2015-13-12T15:50:38Z"));
  CHECK_FALSE(parse_timestamp("2015-05-12T15:50:38"));
  CHECK_FALSE(parse_timestamp("2015-05-12T15:50:38.5Z"));
}

TEST_CASE("only real calendar dates are timestamps", "[model][timestamp]") {
  CHECK_FALSE(parse_timestamp("2026-02-31T00:00:00Z"));  // not March 3rd
  CHECK_FALSE(parse_timestamp("2026-04-31T00:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-02-29T00:00:00Z"));  // 2026 is no leap year
  CHECK_FALSE(parse_timestamp("1900-02-29T00:00:00Z"));  // centuries are not...
  CHECK_FALSE(parse_timestamp("2100-02-29T00:00:00Z"));
  CHECK(parse_timestamp("2000-02-29T00:00:00Z") == 951782400);  // ...unless divisible by 400
  CHECK(parse_timestamp("2024-02-29T12:00:00Z") == 1709208000);
  CHECK_FALSE(parse_timestamp("2026-00-10T00:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-01-00T00:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-01-32T00:00:00Z"));
  CHECK(parse_timestamp("2026-12-31T23:59:59Z") == 1798761599);
}

TEST_CASE("times run from 00:00:00 to 23:59:59", "[model][timestamp]") {
  CHECK_FALSE(parse_timestamp("2026-01-01T24:00:00Z"));
  CHECK_FALSE(parse_timestamp("2026-01-01T23:60:00Z"));
  CHECK_FALSE(
      parse_timestamp("2016-12-31T23:59:60Z"));  // a real leap second; Dropbox never sends one
  CHECK_FALSE(parse_timestamp("2026-01-01T99:99:99Z"));
}

TEST_CASE("timestamps before 1970 and up to year 9999 are exact", "[model][timestamp]") {
  CHECK(parse_timestamp("1969-12-31T23:59:59Z") == -1);
  CHECK(format_timestamp(-1) == "1969-12-31T23:59:59Z");
  CHECK(parse_timestamp("0000-01-01T00:00:00Z") == -62167219200);
  CHECK(format_timestamp(-62167219200) == "0000-01-01T00:00:00Z");
  CHECK(parse_timestamp("9999-12-31T23:59:59Z") == 253402300799);
  CHECK(format_timestamp(253402300799) == "9999-12-31T23:59:59Z");
  CHECK_THROWS_AS(format_timestamp(253402300800), std::logic_error);
  CHECK_THROWS_AS(format_timestamp(-62167219201), std::logic_error);
  CHECK_THROWS_AS(format_timestamp(INT64_MIN), std::logic_error);
}

TEST_CASE("anything around or inside the fixed shape is refused", "[model][timestamp]") {
  for (const char* text :
       {"2026-01-01T00:00:00Zx", "2026-01-01T00:00:00Z ", " 2026-01-01T00:00:00Z",
        "2026-01-01t00:00:00Z", "2026-01-01T00:00:00z", "2026-01-01T00:00:00+00:00",
        "+026-01-01T00:00:00Z", "-001-01-01T00:00:00Z", "2026-1-01T00:00:00Z",
        "2026-01-01T0:00:00Z", "2026-01-01T00:00:0aZ", "2026-01-01", "", "20260101T000000Z",
        "2026-01-01T00:00:00\0"}) {
    INFO(text);
    CHECK_FALSE(parse_timestamp(text));
  }
  CHECK_FALSE(parse_timestamp(std::string_view("2026-01-01T00:00:00Z\0", 21)));
}

TEST_CASE("every day of a 400-year cycle formats and parses back", "[model][timestamp]") {
  // 1900..2300 covers every leap-year rule; noon plus a few seconds checks the clock part.
  for (Timestamp t = -2208945600 + 7; t < 10413792000; t += 86400) {
    auto text = format_timestamp(t);
    REQUIRE(parse_timestamp(text) == t);
  }
}
