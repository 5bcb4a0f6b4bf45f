#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace roster::cli {

/// Reads a duration as people write it on a command line: whole numbers, each with a
/// unit `h`, `m` or `s`, largest first: `90s`, `30m`, `1h`, `1h30m`. nullopt for anything
/// else (no unit, fractions, signs, spaces, repeated units) and past 100,000 hours.
[[nodiscard]] std::optional<std::chrono::seconds> parse_duration(std::string_view text);

/// The shortest way to write `duration` in the form parse_duration reads (`1h30m`, `0s`).
[[nodiscard]] std::string format_duration(std::chrono::seconds duration);

}  // namespace roster::cli
