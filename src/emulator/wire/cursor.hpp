#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace roster::emulator {

/// Where a paged listing resumes. Encoded into an opaque, tamper-evident string; the
/// position is an index into creation order, so pages stay stable while members are added.
struct Cursor {
  char kind = 'm';  // 'm' members, 'g' groups, 'G' members of one group
  std::uint64_t position = 0;
  std::uint32_t limit = 1000;
  bool include_removed = false;
  std::uint64_t scope = 0;  // the group index for 'G'
};

[[nodiscard]] std::string encode_cursor(const Cursor& cursor);

/// nullopt for anything encode_cursor did not produce (`invalid_cursor`).
[[nodiscard]] std::optional<Cursor> decode_cursor(std::string_view text);

}  // namespace roster::emulator
