#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

// roster-emulator's own result type: the emulator shares no project code with the client
// (PRODUCT.md, docs/decisions/0113), so it does not use roster/core/result.hpp.
namespace roster::emulator {

/// Why the emulator could not start or load its state.
enum class ErrorKind { invalid_input, not_found, unavailable, internal };

struct Error {
  ErrorKind kind = ErrorKind::internal;
  std::string message;  // one line
};

[[nodiscard]] inline Error make_error(ErrorKind kind, std::string message) {
  return Error{kind, std::move(message)};
}

/// A value or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}      // NOLINT
  Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const noexcept { return m_state.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }
  T& value() & { return checked(), std::get<0>(m_state); }
  T&& value() && { return checked(), std::get<0>(std::move(m_state)); }
  T& operator*() & { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const Error& error() const {
    if (has_value()) throw std::logic_error("Result::error() on a value");
    return std::get<1>(m_state);
  }

 private:
  void checked() const {
    if (!has_value()) throw std::logic_error("Result::value() on an error: " + error().message);
  }
  std::variant<T, Error> m_state;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : m_error(std::move(error)), m_failed(true) {}  // NOLINT
  bool has_value() const noexcept { return !m_failed; }
  explicit operator bool() const noexcept { return has_value(); }
  const Error& error() const {
    if (!m_failed) throw std::logic_error("Result::error() on a value");
    return m_error;
  }

 private:
  Error m_error;
  bool m_failed = false;
};

}  // namespace roster::emulator
