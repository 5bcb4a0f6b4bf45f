#include "store/timestamp.hpp"

#include <fmt/chrono.h>

#include <charconv>
#include <chrono>

namespace roster::emulator {

namespace {

// Appends `value` with at least `width` digits (zero-padded); value is never negative here.
void append_number(std::string& out, long long value, std::size_t width) {
  const auto digits = std::to_string(value);
  if (digits.size() < width) out.append(width - digits.size(), '0');
  out += digits;
}

// Exactly `count` ASCII digits at `at`; from_chars alone would also take a sign.
std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  const auto part = text.substr(at, count);
  for (const char c : part) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int value = 0;
  std::from_chars(part.data(), part.data() + part.size(), value);
  return value;
}

}  // namespace

std::string format_http_date(UnixSeconds seconds) {
  // fmt's chrono names (%a, %b) are the C locale's: English, as HTTP requires.
  const std::chrono::sys_seconds time{std::chrono::seconds(seconds)};
  return fmt::format("{:%a, %d %b %Y %H:%M:%S} GMT", time);
}

std::string format_timestamp(UnixSeconds seconds) {
  using namespace std::chrono;
  const sys_seconds time{std::chrono::seconds{seconds}};
  const auto day = floor<days>(time);
  const year_month_day date{day};
  const hh_mm_ss clock{time - day};
  std::string text;
  append_number(text, int{date.year()}, 4);
  text += '-';
  append_number(text, unsigned{date.month()}, 2);
  text += '-';
  append_number(text, unsigned{date.day()}, 2);
  text += 'T';
  append_number(text, clock.hours().count(), 2);
  text += ':';
  append_number(text, clock.minutes().count(), 2);
  text += ':';
  append_number(text, clock.seconds().count(), 2);
  text += 'Z';
  return text;
}

std::optional<UnixSeconds> parse_timestamp(std::string_view text) {
  using namespace std::chrono;
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  const auto y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
  const auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!y || !mo || !d || !h || !mi || !s) return std::nullopt;
  // A real calendar day: 2026-02-31 is refused, not carried into March.
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)},
                            day{static_cast<unsigned>(*d)}};
  if (!date.ok() || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
  const auto time = sys_days{date} + hours{*h} + minutes{*mi} + seconds{*s};
  return time.time_since_epoch().count();
}

}  // namespace roster::emulator
