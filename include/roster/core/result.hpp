#pragma once

#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

#include "roster/core/error.hpp"

namespace roster::core {

/// A value or an Error; shaped like std::expected so that a move to C++23 is mechanical.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}      // NOLINT
  Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const noexcept { return m_state.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & { return checked(), std::get<0>(m_state); }
  const T& value() const& { return checked(), std::get<0>(m_state); }
  T&& value() && { return checked(), std::get<0>(std::move(m_state)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& {
    if (has_value()) throw std::logic_error("Result::error() on a value");
    return std::get<1>(m_state);
  }
  Error&& error() && {
    if (has_value()) throw std::logic_error("Result::error() on a value");
    return std::get<1>(std::move(m_state));
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

}  // namespace roster::core
