#pragma once

#include <chrono>
#include <optional>
#include <string_view>

namespace roster::dropbox {

/// Waits asked for beyond this are read as this (about 31 years): far above any
/// --max-retry-wait, and small enough that adding it to a time point cannot overflow.
inline constexpr std::chrono::seconds k_retry_after_ceiling{1'000'000'000};

/// Reads an HTTP-date (RFC 9110 §5.6.7): IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, or the
/// obsolete RFC 850 and asctime forms. nullopt for anything else, impossible dates included
/// (`31 Feb`). A two-digit RFC 850 year is placed at most 50 years after `now`. Read with
/// std::get_time (classic locale), which also takes a one-digit day or a full day name.
[[nodiscard]] std::optional<std::chrono::sys_seconds> parse_http_date(std::string_view text,
                                                                      std::chrono::sys_seconds now);

/// Reads a Retry-After value (RFC 9110 §10.2.3): delay-seconds (digits only) or an
/// HTTP-date, which counts from `now` (a date in the past is 0 s). Values past
/// k_retry_after_ceiling are clamped to it. nullopt for anything else: negative or
/// fractional numbers, garbage, an empty value.
[[nodiscard]] std::optional<std::chrono::seconds> parse_retry_after(std::string_view value,
                                                                    std::chrono::sys_seconds now);

}  // namespace roster::dropbox
