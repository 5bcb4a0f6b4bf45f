#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/team_state.hpp"

namespace roster::emulator {

/// Reads the fields of one Dropbox value in a snapshot (a TeamMemberInfoV2, a
/// GroupSummary, ...). Keys the emulator does not model are ignored, as a client ignores
/// fields Dropbox adds. The first problem is kept ("sticky") as "<path>.<key>: <problem>".
class SnapshotFields {
 public:
  SnapshotFields(const nlohmann::json& value, std::string path, std::string& error);

  [[nodiscard]] const std::string& path() const noexcept { return m_path; }
  [[nodiscard]] std::string path_of(std::string_view key) const;
  /// The field, or nullptr (absent or null); `required` makes absence an error.
  const nlohmann::json* get(const char* key, bool required = false);
  const nlohmann::json* object(const char* key, bool required = true);
  const nlohmann::json* list(const char* key, bool required = true);
  std::optional<std::string> text(const char* key, bool required = true);
  std::optional<bool> flag(const char* key, bool required = true);
  std::optional<std::uint64_t> whole(const char* key, bool required = true);
  /// A union's tag: the field is {".tag": "..."}.
  std::optional<std::string> tag(const char* key, bool required = true);
  /// `common.DropboxTimestamp`; 0 when absent.
  UnixSeconds time(const char* key, bool required = false);
  void fail(std::string_view key, std::string_view problem);
  [[nodiscard]] bool failed() const noexcept { return !m_error.empty(); }

 private:
  const nlohmann::json& m_value;
  std::string m_path;
  std::string& m_error;
};

/// "path[i]".
[[nodiscard]] std::string element_path(const std::string& path, std::size_t index);

}  // namespace roster::emulator
