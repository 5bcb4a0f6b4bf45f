#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/team_state.hpp"
#include "store/timestamp.hpp"

namespace roster::emulator {

/// Reads the fields of one record of a seed, state document or journal line; remembers
/// the first problem ("sticky") as "<where>.<key>: <problem>".
class RecordReader {
 public:
  RecordReader(const nlohmann::json& value, std::string where, std::string& error)
      : m_value(value), m_where(std::move(where)), m_error(error) {
    if (!value.is_object()) fail("", "expected an object");
  }

  void allow(std::initializer_list<std::string_view> keys) {
    if (!m_value.is_object()) return;
    for (const auto& item : m_value.items()) {
      if (std::find(keys.begin(), keys.end(), item.key()) == keys.end()) {
        fail(item.key(), "unknown key");
      }
    }
  }
  const nlohmann::json* get(const char* key) const {
    if (!m_value.is_object()) return nullptr;
    const auto it = m_value.find(key);
    return it == m_value.end() || it->is_null() ? nullptr : &*it;
  }
  std::optional<std::string> text(const char* key, bool required = false) {
    const auto* value = get(key);
    if (value == nullptr) {
      if (required) fail(key, "missing");
      return std::nullopt;
    }
    if (!value->is_string()) return fail(key, "expected a string"), std::nullopt;
    return value->get<std::string>();
  }
  bool flag(const char* key, bool fallback) {
    const auto* value = get(key);
    if (value == nullptr) return fallback;
    if (!value->is_boolean()) return fail(key, "expected true or false"), fallback;
    return value->get<bool>();
  }
  template <typename Int>
  Int number(const char* key, Int fallback) {
    const auto* value = get(key);
    if (value == nullptr) return fallback;
    if (!value->is_number_integer()) return fail(key, "expected an integer"), fallback;
    return value->get<Int>();
  }
  /// A whole number from `min` to 4294967295 (UInt32), or nullopt when absent or invalid.
  std::optional<std::uint32_t> count(const char* key, std::uint32_t min) {
    const auto* value = get(key);
    if (value == nullptr) return std::nullopt;
    if (!value->is_number_unsigned() || value->get<std::uint64_t>() < min ||
        value->get<std::uint64_t>() > UINT32_MAX) {
      return fail(key, "expected a whole number from " + std::to_string(min) + " to 4294967295"),
             std::nullopt;
    }
    return value->get<std::uint32_t>();
  }
  /// A list of strings (nullopt when absent).
  std::optional<std::vector<std::string>> texts(const char* key) {
    const auto* value = get(key);
    if (value == nullptr) return std::nullopt;
    std::vector<std::string> out;
    for (const auto& item : value->is_array() ? *value : nlohmann::json::array({nullptr})) {
      if (!item.is_string()) return fail(key, "expected a list of strings"), std::nullopt;
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  UnixSeconds time(const char* key, UnixSeconds fallback) {
    const auto value = text(key);
    if (!value) return fallback;
    const auto parsed = parse_timestamp(*value);
    if (!parsed) {
      return fail(key,
                  "expected a real UTC time like 2026-05-12T15:50:38Z, got \"" + *value + "\""),
             fallback;
    }
    return *parsed;
  }
  void fail(std::string_view key, std::string_view problem) {
    if (!m_error.empty()) return;
    m_error = m_where + (key.empty() ? "" : "." + std::string(key)) + ": " + std::string(problem);
  }

 private:
  const nlohmann::json& m_value;
  std::string m_where;
  std::string& m_error;
};

}  // namespace roster::emulator
