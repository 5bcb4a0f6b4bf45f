#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/team_state.hpp"

namespace roster::emulator {

/// `common.DropboxTimestamp`: "YYYY-MM-DDTHH:MM:SSZ", UTC, whole seconds.
[[nodiscard]] std::string format_timestamp(UnixSeconds seconds);

/// An HTTP-date (RFC 9110 §5.6.7, IMF-fixdate): "Sun, 06 Nov 1994 08:49:37 GMT".
[[nodiscard]] std::string format_http_date(UnixSeconds seconds);

/// Parses the format above; nullopt when the text does not match it exactly or names no
/// real time: a day the month does not have (2026-02-31), hour 24, a leap second.
[[nodiscard]] std::optional<UnixSeconds> parse_timestamp(std::string_view text);

}  // namespace roster::emulator
