#pragma once

#include <cstdint>
#include <memory>
#include <optional>
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

/// Why a document was not read: one line (RapidJSON's wording for syntax errors, or
/// roster's limits: nesting, numbers a double cannot hold) and the byte offset it refers to.
struct ParseFailure {
  std::string message;
  std::size_t offset = 0;
};

/// Reads a whole RFC 8259 document (RapidJSON's SAX Reader, strict: no comments, NaN or
/// trailing commas; UTF-8 validated). Values carry the offsets where they start; objects
/// keep every key in document order, duplicates too (find() sees the first). The text must
/// end where the value ends (but for white space): a NUL byte is content, not an end.
[[nodiscard]] std::optional<ParseFailure> read(std::string_view text, Value& out);

/// Parses a whole document. On failure returns false and fills `error` with
/// "line:col: message". Readers that report `file:line:col` use read().
bool parse(std::string_view text, Value& out, std::string& error);

/// What read_root_members() does with the value of one key of the root object.
enum class Take {
  value,     // built whole and handed to RootMembers::value()
  elements,  // an array: each element handed to RootMembers::element(), never all at once
  skip,      // checked, not built
};

/// Receives a large document (a 100,000-member snapshot) member by member, so that it is
/// never held as one Value. A callback returning false stops the reading (not an error).
class RootMembers {
 public:
  virtual ~RootMembers() = default;
  /// A key of the root object; its value follows.
  virtual Take key(const std::string& key) = 0;
  /// The value of a key taken as Take::value, or of one taken as Take::elements that
  /// turned out not to be an array.
  virtual bool value(const std::string& key, Value value) = 0;
  /// The next element of the array of the key taken as Take::elements.
  virtual bool element(Value element) = 0;
};

/// How read_root_members() ended.
struct RootResult {
  enum class Status { done, stopped, not_an_object, malformed };
  Status status = Status::done;
  ParseFailure failure;  // not_an_object: the root's offset; malformed: the syntax error
};

/// Reads a document whose root must be an object, handing its members to `members` as
/// they complete; everything read() checks is checked, in document order.
[[nodiscard]] RootResult read_root_members(std::string_view text, RootMembers& members);

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
