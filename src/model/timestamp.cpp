// Dropbox timestamps (`common.DropboxTimestamp`, "%Y-%m-%dT%H:%M:%SZ"), parsed and
// formatted with std::chrono's calendar types: one implementation, real dates only.
#include <fmt/core.h>

#include <chrono>
#include <stdexcept>

#include "roster/model/observed.hpp"

namespace roster::model {

namespace {

using namespace std::chrono;

// The years a four-digit field can hold.
constexpr auto k_first = sys_days{year{0} / January / 1};
constexpr auto k_last = sys_days{year{9999} / December / 31} + hours{24} - seconds{1};

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
  out = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, mo) || !read_digits(text, 8, 2, d) ||
      !read_digits(text, 11, 2, h) || !read_digits(text, 14, 2, mi) ||
      !read_digits(text, 17, 2, s)) {
    return std::nullopt;
  }
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  // 2026-02-31 is no date; 24:00:00 and the leap second 23:59:60 are not times Dropbox
  // sends, and sys_seconds could not tell them from the next day's 00:00:00 / 00:00:00.
  if (!date.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  const sys_seconds t = sys_days{date} + hours{h} + minutes{mi} + seconds{s};
  return t.time_since_epoch().count();
}

std::string format_timestamp(Timestamp t) {
  const sys_seconds time{seconds{t}};
  if (time < k_first || time > k_last) {
    throw std::logic_error("timestamp outside the years 0000-9999: " + std::to_string(t));
  }
  const auto day_start = floor<days>(time);
  const year_month_day date{day_start};
  const hh_mm_ss clock{time - day_start};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(date.year()),
                     static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                     clock.hours().count(), clock.minutes().count(), clock.seconds().count());
}

std::string format_date(Timestamp t) {
  return format_timestamp(t).substr(0, 10);
}

}  // namespace roster::model
