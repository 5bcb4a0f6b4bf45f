#include "wire/snapshot_fields.hpp"

#include "store/timestamp.hpp"

namespace roster::emulator {

namespace {

const char* type_name(const nlohmann::json& value) {
  return value.type_name();
}

}  // namespace

std::string element_path(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

SnapshotFields::SnapshotFields(const nlohmann::json& value, std::string path, std::string& error)
    : m_value(value), m_path(std::move(path)), m_error(error) {
  if (!value.is_object()) fail("", std::string("expected an object, found ") + type_name(value));
}

std::string SnapshotFields::path_of(std::string_view key) const {
  if (key.empty()) return m_path;
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

void SnapshotFields::fail(std::string_view key, std::string_view problem) {
  if (!m_error.empty()) return;
  m_error = path_of(key) + ": " + std::string(problem);
}

const nlohmann::json* SnapshotFields::get(const char* key, bool required) {
  const nlohmann::json* found = nullptr;
  if (m_value.is_object()) {
    const auto it = m_value.find(key);
    if (it != m_value.end() && !it->is_null()) found = &*it;
  }
  if (found == nullptr && required && m_value.is_object()) fail(key, "missing");
  return found;
}

const nlohmann::json* SnapshotFields::object(const char* key, bool required) {
  const auto* value = get(key, required);
  if (value == nullptr || value->is_object()) return value;
  fail(key, std::string("expected an object, found ") + type_name(*value));
  return nullptr;
}

const nlohmann::json* SnapshotFields::list(const char* key, bool required) {
  const auto* value = get(key, required);
  if (value == nullptr || value->is_array()) return value;
  fail(key, std::string("expected a list, found ") + type_name(*value));
  return nullptr;
}

std::optional<std::string> SnapshotFields::text(const char* key, bool required) {
  const auto* value = get(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    fail(key, std::string("expected a string, found ") + type_name(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<bool> SnapshotFields::flag(const char* key, bool required) {
  const auto* value = get(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    fail(key, std::string("expected true or false, found ") + type_name(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::uint64_t> SnapshotFields::whole(const char* key, bool required) {
  const auto* value = get(key, required);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_unsigned() || value->get<std::uint64_t>() > UINT32_MAX) {
    fail(key, "expected a whole number from 0 to 4294967295");
    return std::nullopt;
  }
  return value->get<std::uint64_t>();
}

std::optional<std::string> SnapshotFields::tag(const char* key, bool required) {
  const auto* value = object(key, required);
  if (value == nullptr) return std::nullopt;
  SnapshotFields inner(*value, path_of(key), m_error);
  return inner.text(".tag");
}

UnixSeconds SnapshotFields::time(const char* key, bool required) {
  const auto value = text(key, required);
  if (!value) return 0;
  const auto parsed = parse_timestamp(*value);
  if (!parsed) {
    fail(key, "expected a real UTC time like 2026-05-12T15:50:38Z, got \"" + *value + "\"");
    return 0;
  }
  return *parsed;
}

}  // namespace roster::emulator
