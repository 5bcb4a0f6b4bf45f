#pragma once

#include <string>
#include <string_view>

namespace roster::model {

/// The one normal form of an email address used for every comparison: ASCII
/// lower-case. Dropbox compares addresses case-insensitively (REFERENCE §10.17).
[[nodiscard]] std::string normalise_email(std::string_view email);

/// True when `email` matches Dropbox's `common.EmailAddress` (pattern and 255-char limit).
[[nodiscard]] bool is_valid_email(std::string_view email);

/// Number of Unicode code points in UTF-8 text (Stone's max_length counts these).
[[nodiscard]] std::size_t utf8_length(std::string_view text);

/// True when `name` fits `common.OptionalNamePart`: at most 50 characters, none of / : ? * < > " |.
[[nodiscard]] bool is_valid_name_part(std::string_view name);

inline constexpr std::size_t k_max_email_length = 255;
inline constexpr std::size_t k_max_name_length = 50;
inline constexpr std::size_t k_max_external_id_length = 64;
inline constexpr std::string_view k_name_forbidden_chars = "/:?*<>\"|";

}  // namespace roster::model
