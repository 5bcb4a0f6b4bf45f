#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/team_store.hpp"

namespace roster::emulator {

/// Stone string aliases whose constraints the emulator enforces (REFERENCE §4.1).
enum class StringRule {
  any,
  email,               // common.EmailAddress
  optional_name,       // common.OptionalNamePart
  member_external_id,  // team_common.MemberExternalId (max 64)
  role_id,             // team.TeamMemberRoleId
  async_job_id,        // async.AsyncJobId (min length 1)
};

/// The first decoding failure of a request body, as the detail of a 400 answer.
/// Readers stop checking after the first failure and return defaults ("sticky" error).
class DecodeStatus {
 public:
  void fail(const std::string& path, const std::string& detail);
  [[nodiscard]] bool ok() const noexcept { return m_message.empty(); }
  [[nodiscard]] const std::string& message() const noexcept { return m_message; }

 private:
  std::string m_message;
};

/// Reads one Stone struct from JSON strictly: required fields, types, constraints, and
/// (in finish()) no unknown keys — the reference decoder's behaviour.
class StructReader {
 public:
  StructReader(DecodeStatus& status, const nlohmann::json& value, std::string path);

  std::string string(std::string_view key, StringRule rule = StringRule::any);
  std::optional<std::string> optional_string(std::string_view key,
                                             StringRule rule = StringRule::any);
  bool boolean(std::string_view key, bool fallback);
  std::optional<bool> optional_boolean(std::string_view key);
  std::uint32_t uint32(std::string_view key, std::uint32_t fallback, std::uint32_t min,
                       std::uint32_t max);
  /// A required UInt32 field within [min, max].
  std::uint32_t required_uint32(std::string_view key, std::uint32_t min, std::uint32_t max);
  /// A required list field; nullptr after a failure.
  const nlohmann::json* list(std::string_view key);
  /// An optional list field (absent or null: nullptr).
  const nlohmann::json* optional_list(std::string_view key);
  /// A required field of any type, for nested structs and unions; nullptr after a failure.
  const nlohmann::json* field(std::string_view key);
  const nlohmann::json* optional_field(std::string_view key);
  /// Fails on keys that were never read.
  void finish();

  [[nodiscard]] std::string path_of(std::string_view key) const;
  [[nodiscard]] bool ok() const noexcept { return m_status.ok(); }

 private:
  const nlohmann::json* lookup(std::string_view key, bool required);
  std::uint32_t checked_uint32(const nlohmann::json& value, std::string_view key,
                               std::uint32_t fallback, std::uint32_t min, std::uint32_t max);

  DecodeStatus& m_status;
  const nlohmann::json* m_value;
  std::string m_path;
  std::vector<std::string> m_read;
};

/// Checks `text` against a string rule; returns the failure detail or an empty string.
[[nodiscard]] std::string check_string(std::string_view text, StringRule rule);

/// A union member without a value: `"tag"` (compact request form) or `{".tag": "tag"}`.
std::string read_void_union(DecodeStatus& status, const nlohmann::json& value,
                            const std::string& path, std::initializer_list<std::string_view> tags);

UserSelector read_user_selector(DecodeStatus& status, const nlohmann::json& value,
                                const std::string& path);
GroupSelector read_group_selector(DecodeStatus& status, const nlohmann::json& value,
                                  const std::string& path);

/// A closed union whose members each carry a list of strings under the tag's key
/// (`GroupsSelector`): the tag's position in `tags` and the strings.
std::pair<std::size_t, std::vector<std::string>> read_string_list_union(
    DecodeStatus& status, const nlohmann::json& value, const std::string& path,
    std::initializer_list<std::string_view> tags);

/// `{"cursor": String}`, the argument of every */list/continue route; nullopt on failure.
std::optional<std::string> read_cursor_arg(DecodeStatus& status, const nlohmann::json& arg);

/// A list of `UserSelectorArg` (nullptr `list`: none).
std::vector<UserSelector> read_user_selector_list(DecodeStatus& status, const nlohmann::json* list,
                                                  const std::string& path);

/// Each element of a JSON list of strings, checked against `rule`.
std::vector<std::string> read_string_list(DecodeStatus& status, const nlohmann::json& list,
                                          const std::string& path, StringRule rule);

}  // namespace roster::emulator
