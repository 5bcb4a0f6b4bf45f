#pragma once

#include <cstddef>
#include <string_view>

namespace roster::emulator {

/// How deep a request body, seed or state document may nest arrays and objects. Dropbox
/// arguments need fewer than ten levels; the bound keeps recursive JSON code (copies,
/// comparisons, dumps) far from the end of a thread's stack.
inline constexpr std::size_t k_max_json_depth = 64;

/// True when `text` opens more than `limit` arrays/objects inside each other (brackets
/// inside strings do not count). One pass, no recursion; says nothing about validity.
[[nodiscard]] bool is_nested_deeper_than(std::string_view text, std::size_t limit);

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points
/// past U+10FFFF).
[[nodiscard]] bool is_utf8(std::string_view text);

}  // namespace roster::emulator
