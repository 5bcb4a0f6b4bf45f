#include "roster/core/json_fields.hpp"

#include <fmt/core.h>

#include <cmath>

namespace roster::core::json {

namespace {

std::string quoted(std::string_view key) {
  return "\"" + std::string(key) + "\"";
}

// Doubles hold every integer exactly up to 2^53; beyond that a cast could be undefined.
constexpr double k_exact_limit = 9007199254740992.0;

}  // namespace

std::optional<std::int64_t> to_integer(const Value& value, std::int64_t min, std::int64_t max) {
  if (!value.is_number()) return std::nullopt;
  double n = value.as_number();
  if (!(n >= -k_exact_limit && n <= k_exact_limit) || std::floor(n) != n) return std::nullopt;
  auto integer = static_cast<std::int64_t>(n);
  if (integer < min || integer > max) return std::nullopt;
  return integer;
}

bool FieldReader::fail(const Value& at, const std::string& message) {
  if (m_failure.message.empty()) m_failure = {m_path + ": " + message, at.offset()};
  return false;
}

const Value* FieldReader::get(std::string_view key, bool required) {
  if (!m_object.is_object()) {
    fail(m_object, std::string("must be an object, found ") + m_object.type_name());
    return nullptr;
  }
  const Value* v = m_object.find(key);
  if (v != nullptr && !v->is_null()) return v;
  if (required) fail(m_object, "missing required field " + quoted(key));
  return nullptr;
}

bool FieldReader::string(std::string_view key, std::string& out, bool required) {
  const Value* v = get(key, required);
  if (v == nullptr) return !required && !failed();
  if (!v->is_string()) {
    return fail(*v, quoted(key) + " must be a string, found " + v->type_name());
  }
  out = v->as_string();
  return true;
}

bool FieldReader::optional_string(std::string_view key, std::optional<std::string>& out) {
  std::string text;
  if (get(key, false) == nullptr) return !failed();
  if (!string(key, text)) return false;
  out = std::move(text);
  return true;
}

bool FieldReader::boolean(std::string_view key, bool& out, bool required) {
  const Value* v = get(key, required);
  if (v == nullptr) return !required && !failed();
  if (!v->is_bool()) {
    return fail(*v, quoted(key) + " must be a boolean, found " + v->type_name());
  }
  out = v->as_bool();
  return true;
}

bool FieldReader::integer(std::string_view key, std::int64_t& out, std::int64_t min,
                          std::int64_t max, bool required) {
  const Value* v = get(key, required);
  if (v == nullptr) return !required && !failed();
  auto integer = to_integer(*v, min, max);
  if (!integer) {
    std::string found = v->is_number() ? fmt::format("{}", v->as_number()) : v->type_name();
    return fail(*v, fmt::format("\"{}\" must be a whole number from {} to {}, found {}", key, min,
                                max, found));
  }
  out = *integer;
  return true;
}

const Value* FieldReader::object(std::string_view key, bool required) {
  const Value* v = get(key, required);
  if (v != nullptr && !v->is_object()) {
    fail(*v, quoted(key) + " must be an object, found " + v->type_name());
    return nullptr;
  }
  return v;
}

const Value* FieldReader::array(std::string_view key, bool required) {
  const Value* v = get(key, required);
  if (v != nullptr && !v->is_array()) {
    fail(*v, quoted(key) + " must be a list, found " + v->type_name());
    return nullptr;
  }
  return v;
}

}  // namespace roster::core::json
