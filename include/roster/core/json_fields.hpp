#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "roster/core/json.hpp"

namespace roster::core::json {

/// `value` as an integer in [min, max], or nullopt when it is not a number, has a
/// fraction or is out of range (`1e300`). The one way decoders narrow a JSON number.
[[nodiscard]] std::optional<std::int64_t> to_integer(const Value& value, std::int64_t min,
                                                     std::int64_t max);

/// Typed access to the members of one JSON object for decoders, recording the first
/// failure (with the byte offset of the offending value) instead of throwing.
/// `path` prefixes messages, e.g. "steps[3].remove".
class FieldReader {
 public:
  struct Failure {
    std::string message;
    std::uint32_t offset = 0;
  };

  FieldReader(const Value& object, std::string path, Failure& failure)
      : m_object(object), m_path(std::move(path)), m_failure(failure) {}

  /// Records a failure at `at` (keeps the first one); returns false.
  bool fail(const Value& at, const std::string& message);
  [[nodiscard]] bool failed() const { return !m_failure.message.empty(); }

  /// The member, or nullptr (a failure when `required`); null counts as missing.
  const Value* get(std::string_view key, bool required);
  bool string(std::string_view key, std::string& out, bool required = true);
  bool optional_string(std::string_view key, std::optional<std::string>& out);
  bool boolean(std::string_view key, bool& out, bool required = true);
  /// A whole number in [min, max]; a fraction or a number out of range is a failure.
  bool integer(std::string_view key, std::int64_t& out, std::int64_t min, std::int64_t max,
               bool required = true);
  /// A member that must be an object (or array): nullptr and a failure otherwise.
  const Value* object(std::string_view key, bool required = true);
  const Value* array(std::string_view key, bool required = true);

  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] Failure& failure() { return m_failure; }

 private:
  const Value& m_object;
  std::string m_path;
  Failure& m_failure;
};

}  // namespace roster::core::json
