#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace roster::manifest {

/// `text` without leading and trailing spaces, tabs and line breaks (CR, LF).
[[nodiscard]] std::string_view trim_csv_blanks(std::string_view text);

/// True when `text` is well-formed UTF-8: no stray continuation bytes, overlong forms,
/// surrogates or code points past U+10FFFF.
[[nodiscard]] bool is_valid_utf8(std::string_view text);

/// The first character of valid UTF-8 `text` that a manifest cannot hold as written:
/// C0 and C1 controls, DEL, the line/paragraph separators U+2028/U+2029 (YAML treats
/// them as line breaks), U+FEFF and the non-characters U+FFFE/U+FFFF.
[[nodiscard]] std::optional<char32_t> first_control_character(std::string_view text);

/// `U+000A` for messages.
[[nodiscard]] std::string format_code_point(char32_t c);

/// ASCII lower-case copy.
[[nodiscard]] std::string lower_ascii(std::string_view text);

}  // namespace roster::manifest
