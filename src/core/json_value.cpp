#include "roster/core/json.hpp"

namespace roster::core::json {

const Value* Value::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const auto& [name, value] : as_object()) {
    if (name == key) return &value;
  }
  return nullptr;
}

const char* Value::type_name() const noexcept {
  static const char* const k_names[] = {"null", "boolean", "number", "string", "array", "object"};
  return k_names[m_data.index()];
}

}  // namespace roster::core::json
