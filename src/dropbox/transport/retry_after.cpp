#include "dropbox/transport/retry_after.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace roster::dropbox {

namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 7> k_short_days = {"Mon", "Tue", "Wed", "Thu",
                                                          "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> k_long_days = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> k_months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// A cursor over the date text; every read fails softly so a parse is one chain of ands.
struct Cursor {
  std::string_view rest;

  bool literal(std::string_view expected) {
    if (rest.substr(0, expected.size()) != expected) return false;
    rest.remove_prefix(expected.size());
    return true;
  }
  template <std::size_t N>
  bool one_of(const std::array<std::string_view, N>& names, int& index) {
    for (std::size_t i = 0; i < N; ++i) {
      if (literal(names[i])) {
        index = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }
  // Exactly `width` digits (a leading space stands for a zero when `space_pad`).
  bool digits(std::size_t width, int& value, bool space_pad = false) {
    if (rest.size() < width) return false;
    value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      char c = rest[i];
      if (space_pad && i == 0 && c == ' ') c = '0';
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    rest.remove_prefix(width);
    return true;
  }
  bool time_of_day(seconds& t) {
    int h = 0, m = 0, s = 0;
    if (!(digits(2, h) && literal(":") && digits(2, m) && literal(":") && digits(2, s))) {
      return false;
    }
    if (h > 23 || m > 59 || s > 60) return false;  // 60: a leap second
    t = hours(h) + minutes(m) + seconds(s);
    return true;
  }
};

std::optional<sys_seconds> make_time(int y, int month_index, int d, seconds t) {
  year_month_day date{year(y), month(static_cast<unsigned>(month_index + 1)),
                      day(static_cast<unsigned>(d))};
  if (!date.ok()) return std::nullopt;
  return sys_days(date) + t;
}

std::optional<sys_seconds> imf_fixdate(Cursor c) {  // Sun, 06 Nov 1994 08:49:37 GMT
  int wd = 0, d = 0, mo = 0, y = 0;
  seconds t{};
  if (c.one_of(k_short_days, wd) && c.literal(", ") && c.digits(2, d) && c.literal(" ") &&
      c.one_of(k_months, mo) && c.literal(" ") && c.digits(4, y) && c.literal(" ") &&
      c.time_of_day(t) && c.literal(" GMT") && c.rest.empty()) {
    return make_time(y, mo, d, t);
  }
  return std::nullopt;
}

std::optional<sys_seconds> rfc850_date(Cursor c, sys_seconds now) {  // Sunday, 06-Nov-94 ...
  int wd = 0, d = 0, mo = 0, yy = 0;
  seconds t{};
  if (!(c.one_of(k_long_days, wd) && c.literal(", ") && c.digits(2, d) && c.literal("-") &&
        c.one_of(k_months, mo) && c.literal("-") && c.digits(2, yy) && c.literal(" ") &&
        c.time_of_day(t) && c.literal(" GMT") && c.rest.empty())) {
    return std::nullopt;
  }
  int this_year = static_cast<int>(year_month_day(floor<days>(now)).year());
  int y = this_year / 100 * 100 + yy;
  if (y > this_year + 50) y -= 100;  // RFC 9110: never more than 50 years ahead
  return make_time(y, mo, d, t);
}

std::optional<sys_seconds> asctime_date(Cursor c) {  // Sun Nov  6 08:49:37 1994
  int wd = 0, d = 0, mo = 0, y = 0;
  seconds t{};
  if (c.one_of(k_short_days, wd) && c.literal(" ") && c.one_of(k_months, mo) && c.literal(" ") &&
      c.digits(2, d, true) && c.literal(" ") && c.time_of_day(t) && c.literal(" ") &&
      c.digits(4, y) && c.rest.empty()) {
    return make_time(y, mo, d, t);
  }
  return std::nullopt;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<sys_seconds> parse_http_date(std::string_view text, sys_seconds now) {
  Cursor c{trim(text)};
  if (auto fixdate = imf_fixdate(c)) return fixdate;
  if (auto old = rfc850_date(c, now)) return old;
  return asctime_date(c);
}

std::optional<seconds> parse_retry_after(std::string_view value, sys_seconds now) {
  value = trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    // Saturate instead of overflowing: only the comparison with the cap matters.
    std::int64_t total = 0;
    for (char c : value) {
      total = std::min<std::int64_t>(total * 10 + (c - '0'), k_retry_after_ceiling.count());
    }
    return seconds(total);
  }
  auto date = parse_http_date(value, now);
  if (!date) return std::nullopt;
  if (*date <= now) return seconds(0);
  return std::min<seconds>(*date - now, k_retry_after_ceiling);
}

}  // namespace roster::dropbox
