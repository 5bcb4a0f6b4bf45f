#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/team_state.hpp"

namespace roster::emulator {

/// `common.DropboxTimestamp`: "YYYY-MM-DDTHH:MM:SSZ", UTC, whole seconds.
[[nodiscard]] std::string format_timestamp(UnixSeconds seconds);

/// Parses the format above; nullopt when the text does not match it exactly.
[[nodiscard]] std::optional<UnixSeconds> parse_timestamp(std::string_view text);

}  // namespace roster::emulator
