#include "duration.hpp"

#include <cstdint>
#include <string>

namespace roster::cli {

namespace {

constexpr std::int64_t k_max_seconds = 100'000LL * 3600;

std::int64_t unit_seconds(char unit) {
  switch (unit) {
    case 'h':
      return 3600;
    case 'm':
      return 60;
    case 's':
      return 1;
    default:
      return 0;
  }
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::int64_t total = 0;
  std::int64_t previous_unit = k_max_seconds + 1;  // units must get smaller: 1h30m, not 30m1h
  std::size_t i = 0;
  while (i < text.size()) {
    std::int64_t number = 0;
    std::size_t start = i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      number = number * 10 + (text[i] - '0');
      if (number > k_max_seconds) return std::nullopt;
    }
    if (i == start || i == text.size()) return std::nullopt;  // no digits, or no unit
    std::int64_t unit = unit_seconds(text[i++]);
    if (unit == 0 || unit >= previous_unit) return std::nullopt;
    previous_unit = unit;
    total += number * unit;
    if (total > k_max_seconds) return std::nullopt;
  }
  return std::chrono::seconds(total);
}

std::string format_duration(std::chrono::seconds duration) {
  auto total = duration.count();
  if (total == 0) return "0s";
  std::string text;
  for (auto [unit, name] : {std::pair{3600LL, 'h'}, std::pair{60LL, 'm'}, std::pair{1LL, 's'}}) {
    if (total >= unit) {
      text += std::to_string(total / unit) + name;
      total %= unit;
    }
  }
  return text;
}

}  // namespace roster::cli
