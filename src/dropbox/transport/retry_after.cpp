#include "dropbox/transport/retry_after.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <ctime>
#include <iomanip>
#include <locale>
#include <sstream>
#include <string>

namespace roster::dropbox {

namespace {

using namespace std::chrono;

// The three HTTP-date forms of RFC 9110 §5.6.7, read by the standard library's
// std::get_time in the classic locale (English day and month names). libstdc++ 12 has no
// std::chrono::parse; get_time is the standard reader it has.
struct DateForm {
  const char* format;
  bool two_digit_year;
};
constexpr std::array<DateForm, 3> k_forms = {{
    {"%a, %d %b %Y %H:%M:%S GMT", false},  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
    {"%A, %d-%b-%y %H:%M:%S GMT", true},   // RFC 850:     Sunday, 06-Nov-94 08:49:37 GMT
    {"%a %b %e %H:%M:%S %Y", false},       // asctime:     Sun Nov  6 08:49:37 1994
}};

// The fields of one form, or nullopt when the text does not follow it to its last byte.
std::optional<std::tm> read_form(std::string_view text, const DateForm& form) {
  std::istringstream in{std::string(text)};
  in.imbue(std::locale::classic());
  std::tm fields{};
  in >> std::get_time(&fields, form.format);
  if (in.fail() || in.peek() != std::istringstream::traits_type::eof()) return std::nullopt;
  return fields;
}

// A two-digit RFC 850 year is the one closest in the past, never more than 50 years after
// `now` (RFC 9110 §5.6.7).
int full_year(const std::tm& fields, bool two_digit_year, sys_seconds now) {
  if (!two_digit_year) return fields.tm_year + 1900;
  const int this_year = static_cast<int>(year_month_day(floor<days>(now)).year());
  int y = this_year / 100 * 100 + (fields.tm_year + 1900) % 100;
  if (y > this_year + 50) y -= 100;
  return y;
}

// A real date (no 31 Feb) and a time of day up to 23:59:60 (60: a leap second).
std::optional<sys_seconds> to_time(const std::tm& fields, int y) {
  const year_month_day date{year(y), month(static_cast<unsigned>(fields.tm_mon + 1)),
                            day(static_cast<unsigned>(fields.tm_mday))};
  if (!date.ok() || fields.tm_hour > 23 || fields.tm_min > 59 || fields.tm_sec > 60) {
    return std::nullopt;
  }
  return sys_days(date) + hours(fields.tm_hour) + minutes(fields.tm_min) + seconds(fields.tm_sec);
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
  text = trim(text);
  for (const DateForm& form : k_forms) {
    if (auto fields = read_form(text, form))
      return to_time(*fields, full_year(*fields, form.two_digit_year, now));
  }
  return std::nullopt;
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
