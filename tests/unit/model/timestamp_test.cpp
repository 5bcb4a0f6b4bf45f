#include <catch2/catch.hpp>

#include "roster/model/observed.hpp"

using namespace roster::model;

TEST_CASE("Dropbox timestamps parse to epoch seconds and format back", "[model]") {
  CHECK(parse_timestamp("1970-01-01T00:00:00Z") == 0);
  CHECK(parse_timestamp("2015-05-12T15:50:38Z") == 1431445838);
  CHECK(format_timestamp(1431445838) == "2015-05-12T15:50:38Z");
  CHECK(format_timestamp(951782400) == "2000-02-29T00:00:00Z");
  CHECK_FALSE(parse_timestamp("2015-05-12 15:50:38Z"));
  CHECK_FALSE(parse_timestamp("2015-13-12T15:50:38Z"));
  CHECK_FALSE(parse_timestamp("2015-05-12T15:50:38"));
  CHECK_FALSE(parse_timestamp("2015-05-12T15:50:38.5Z"));
}
