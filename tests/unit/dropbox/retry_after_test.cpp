// Retry-After as servers send it, and as they should not: read without overflow.
#include <catch2/catch.hpp>

#include "dropbox/transport/retry_after.hpp"

using namespace roster::dropbox;
using namespace std::chrono;

namespace {

// Wed, 25 Nov 2026 12:00:00 GMT
const sys_seconds k_now = sys_days(year(2026) / November / 25) + hours(12);

}  // namespace

TEST_CASE("Retry-After seconds are read, huge ones clamped, anything else refused",
          "[dropbox][retry]") {
  CHECK(parse_retry_after("0", k_now) == seconds(0));
  CHECK(parse_retry_after("15", k_now) == seconds(15));
  CHECK(parse_retry_after(" 15 ", k_now) == seconds(15));
  CHECK(parse_retry_after("007", k_now) == seconds(7));
  CHECK(parse_retry_after("3600", k_now) == seconds(3600));
  CHECK(parse_retry_after("999999999", k_now) == seconds(999999999));
  CHECK(parse_retry_after("1000000001", k_now) == k_retry_after_ceiling);
  CHECK(parse_retry_after("9223372036854775807", k_now) == k_retry_after_ceiling);
  CHECK(parse_retry_after("99999999999999999999999999999999999999", k_now) ==
        k_retry_after_ceiling);
  for (const char* bad : {"", " ", "-1", "-9223372036854775808", "+5", "1.5", "1e3", "0x10", "5s",
                          "five", "1 2", "\t", "15,", "soon"}) {
    INFO("\"" << bad << "\"");
    CHECK_FALSE(parse_retry_after(bad, k_now));
  }
}

TEST_CASE("Retry-After HTTP-dates count from now, in the three RFC 9110 forms",
          "[dropbox][retry]") {
  CHECK(parse_retry_after("Wed, 25 Nov 2026 12:01:30 GMT", k_now) == seconds(90));
  CHECK(parse_retry_after("Wednesday, 25-Nov-26 13:00:00 GMT", k_now) == hours(1));
  CHECK(parse_retry_after("Wed Nov 25 12:00:05 2026", k_now) == seconds(5));
  CHECK(parse_retry_after("Thu Dec  3 12:00:00 2026", k_now) == days(8));
  // In the past: no wait at all.
  CHECK(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", k_now) == seconds(0));
  CHECK(parse_retry_after("Wed, 25 Nov 2026 11:59:59 GMT", k_now) == seconds(0));
  // Far away: clamped like a huge number.
  CHECK(parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", k_now) == k_retry_after_ceiling);
  CHECK(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", k_now) ==
        sys_days(year(1994) / November / 6) + hours(8) + minutes(49) + seconds(37));
  CHECK(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", k_now) ==
        parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT", k_now));
  CHECK(parse_http_date("Monday, 01-Jan-70 00:00:00 GMT", k_now) == sys_days(year(2070) / 1 / 1));
  CHECK(parse_http_date("Monday, 01-Jan-77 00:00:00 GMT", k_now) == sys_days(year(1977) / 1 / 1));
  // Read by std::get_time, which is as lenient as RFC 9110 §5.6.7 asks recipients to be
  // about a one-digit day or a full day name.
  CHECK(parse_http_date("Thu, 1 Jan 2026 00:00:00 GMT", k_now) == sys_days(year(2026) / 1 / 1));
  CHECK(parse_http_date("Thursday, 01 Jan 2026 00:00:00 GMT", k_now) ==
        sys_days(year(2026) / 1 / 1));
  CHECK(parse_http_date("Wed, 25 Nov 2026 23:59:60 GMT", k_now) ==
        sys_days(year(2026) / 11 / 26));  // a leap second
  for (const char* bad :
       {"Mon, 31 Feb 2026 00:00:00 GMT",  // no such day
        "Mon, 29 Feb 2027 00:00:00 GMT",  // not a leap year
        "Mon, 01 Jan 2026 24:00:00 GMT", "Mon, 01 Jan 2026 23:60:00 GMT",
        "Mon, 01 Jan 2026 23:59:61 GMT", "Mon, 01 Foo 2026 00:00:00 GMT",
        "Mon, 01 Jan 2026 00:00:00 UTC", "Mon, 01 Jan 2026 00:00:00 GMT trailing",
        "Xyz, 01 Jan 2026 00:00:00 GMT", "2026-01-01T00:00:00Z", "Mon, 00 Jan 2026 00:00:00 GMT",
        "Mon, 01 Jan 2026 00:00 GMT", "Mon Jan  1 00:00:00 2026 GMT", "GMT"}) {
    INFO(bad);
    CHECK_FALSE(parse_retry_after(bad, k_now));
  }
}
