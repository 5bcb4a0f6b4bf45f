#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace roster::core::json {

class Value;
using Array = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;  // keeps document order

/// A JSON value with the byte offset where it started in its document, so that
/// decoders can report `file:line:col`. Small on purpose: snapshots hold millions.
class Value {
 public:
  Value() = default;
  explicit Value(bool b) : m_data(b) {}
  explicit Value(double n) : m_data(n) {}
  explicit Value(std::string s) : m_data(std::move(s)) {}
  explicit Value(const char* s) : m_data(std::string(s)) {}  // not the bool overload
  explicit Value(Array a) : m_data(std::move(a)) {}
  explicit Value(Object o) : m_data(std::move(o)) {}

  [[nodiscard]] bool is_null() const noexcept { return m_data.index() == 0; }
  [[nodiscard]] bool is_bool() const noexcept { return m_data.index() == 1; }
  [[nodiscard]] bool is_number() const noexcept { return m_data.index() == 2; }
  [[nodiscard]] bool is_string() const noexcept { return m_data.index() == 3; }
  [[nodiscard]] bool is_array() const noexcept { return m_data.index() == 4; }
  [[nodiscard]] bool is_object() const noexcept { return m_data.index() == 5; }

  /// Accessors throw std::bad_variant_access on the wrong type: check first.
  [[nodiscard]] bool as_bool() const { return std::get<1>(m_data); }
  [[nodiscard]] double as_number() const { return std::get<2>(m_data); }
  [[nodiscard]] const std::string& as_string() const { return std::get<3>(m_data); }
  [[nodiscard]] const Array& as_array() const { return std::get<4>(m_data); }
  [[nodiscard]] const Object& as_object() const { return std::get<5>(m_data); }
  [[nodiscard]] std::string& as_string() { return std::get<3>(m_data); }
  [[nodiscard]] Array& as_array() { return std::get<4>(m_data); }
  [[nodiscard]] Object& as_object() { return std::get<5>(m_data); }

  /// The member named `key` of an object, or nullptr (also when this is no object).
  [[nodiscard]] const Value* find(std::string_view key) const;

  /// "null", "boolean", "number", "string", "array" or "object", for messages.
  [[nodiscard]] const char* type_name() const noexcept;

  [[nodiscard]] std::uint32_t offset() const noexcept { return m_offset; }
  void set_offset(std::uint32_t offset) noexcept { m_offset = offset; }

 private:
  std::variant<std::monostate, bool, double, std::string, Array, Object> m_data;
  std::uint32_t m_offset = 0;
};

/// Containers may nest at most this deep. Dropbox's documents and roster's plan files
/// need about 6 levels; the limit keeps hostile input from exhausting the stack.
inline constexpr std::size_t k_max_depth = 64;

/// A strict RFC 8259 reader with a pull interface, so that a large document
/// (a 100,000-member snapshot) can be decoded one element at a time.
/// Failures set `error()`; the reader never throws on bad input. Nesting deeper than
/// k_max_depth (counting containers entered through every call) is an error.
class Reader {
 public:
  explicit Reader(std::string_view text) : m_text(text) {}

  /// Reads one whole value at the cursor.
  bool read_value(Value& out);
  /// Consumes `{`; then call next_member() until it returns false.
  bool enter_object();
  /// Reads the next key and its `:`; false at `}` (or on error: check failed()).
  bool next_member(std::string& key);
  /// Consumes `[`; then call next_element() until it returns false.
  bool enter_array();
  /// True when another element follows; false at `]` (or on error: check failed()).
  bool next_element();
  /// Skips the value at the cursor.
  bool skip_value();
  /// Checks that only whitespace remains.
  bool finish();

  /// The first character of the value at the cursor ('{', '[', '"', 't', ...); 0 at the
  /// end of the input (or at a NUL byte, which no value starts with).
  [[nodiscard]] char peek();
  [[nodiscard]] std::size_t offset() const noexcept { return m_pos; }
  [[nodiscard]] bool failed() const noexcept { return !m_error.empty(); }
  /// One-line description of the first failure, e.g. "expected ':' after key".
  [[nodiscard]] const std::string& error() const noexcept { return m_error; }
  [[nodiscard]] std::size_t error_offset() const noexcept { return m_error_offset; }

 private:
  bool fail(std::string message);
  void skip_whitespace();
  bool read_string(std::string& out);
  bool read_number(double& out);
  bool read_literal(std::string_view word);
  bool open_container();

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::vector<bool> m_first;  // per open container: no element read yet
  std::string m_error;
  std::size_t m_error_offset = 0;
};

/// Parses a whole document. On failure returns false and fills `error` with
/// "line:col: message". Readers that report `file:line:col` use Reader directly.
bool parse(std::string_view text, Value& out, std::string& error);

/// Appends JSON text to a string; the caller keeps the structure balanced.
/// `indent` > 0 pretty-prints with that many spaces per level.
class Writer {
 public:
  explicit Writer(std::string& out, int indent = 0) : m_out(out), m_indent(indent) {}

  Writer& begin_object();
  Writer& end_object();
  Writer& begin_array();
  Writer& end_array();
  Writer& key(std::string_view name);
  Writer& string(std::string_view text);
  Writer& boolean(bool b);
  Writer& integer(std::int64_t n);
  Writer& number(double n);
  Writer& null();
  /// Writes a Value tree.
  Writer& value(const Value& v);

 private:
  void before_value();
  void newline();
  std::string& m_out;
  int m_indent;
  std::vector<bool> m_has_items;
  bool m_after_key = false;
};

/// `text` as a quoted JSON string literal.
[[nodiscard]] std::string quote(std::string_view text);

}  // namespace roster::core::json
