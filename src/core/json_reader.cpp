// core/json's reader: RapidJSON's SAX Reader (decision 0047) with a handler that builds
// json::Value trees with the byte offsets the decoders report `file:line:col` from.
#include <fmt/format.h>
#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <cctype>
#include <charconv>

#include "roster/core/json.hpp"
#include "roster/core/text_position.hpp"

namespace roster::core::json {

namespace {

// Strict RFC 8259: no comments, NaN or trailing commas (RapidJSON's defaults). Iterative:
// the recursive descent would overflow the stack on deep nesting before the handler could
// refuse it. Numbers come as text, so that they are converted exactly as before (0022).
constexpr unsigned k_flags = rapidjson::kParseIterativeFlag |
                             rapidjson::kParseValidateEncodingFlag |
                             rapidjson::kParseNumbersAsStringsFlag;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where the value after `from` (the end of the previous token) starts: past white space
// and the one ',' or ':' that RapidJSON has already checked.
std::size_t value_start(std::string_view text, std::size_t from) {
  while (from < text.size() && is_space(text[from]))
    ++from;
  if (from < text.size() && (text[from] == ',' || text[from] == ':')) ++from;
  while (from < text.size() && is_space(text[from]))
    ++from;
  return from;
}

// RapidJSON's wording, as one line in roster's style: "The document is empty." becomes
// "the document is empty".
std::string message_of(rapidjson::ParseErrorCode code) {
  if (code == rapidjson::kParseErrorNumberTooBig) return "number out of range";
  std::string message = rapidjson::GetParseError_En(code);
  if (!message.empty() && message.back() == '.') message.pop_back();
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  return message;
}

// RapidJSON 1.1.0 decodes a lone low surrogate (\udc00-\udfff) into the bytes ED B0-BF 8x,
// which are not UTF-8; raw input bytes like these fail its validation, so in a decoded
// string they can only come from such an escape.
bool has_lone_surrogate(std::string_view s) {
  for (auto at = s.find('\xED'); at != std::string_view::npos; at = s.find('\xED', at + 1)) {
    if (at + 1 < s.size() && static_cast<unsigned char>(s[at + 1]) >= 0xA0) return true;
  }
  return false;
}

// What becomes of a value when it is complete.
enum class Role {
  kept,          // built in place inside its parent (or as the root)
  element,       // handed to RootMembers::element()
  member_value,  // handed to RootMembers::value()
};

struct Frame {
  Value* value;          // the open container, built where it will stay
  Role role;             // what becomes of it when it closes
  bool streams = false;  // its elements go to RootMembers::element()
};

// Values are built in place (a parent does not grow while its last child is open, so the
// pointers in m_frames stay valid); only the values handed to RootMembers are moved.
class TreeBuilder final : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TreeBuilder> {
 public:
  TreeBuilder(std::string_view text, const rapidjson::MemoryStream& stream, RootMembers* members)
      : m_text(text), m_stream(stream), m_members(members) {}

  bool Null() { return scalar(Value(), begin_scalar()); }
  bool Bool(bool b) { return scalar(Value(b), begin_scalar()); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    const auto start = begin_scalar();
    double number = 0;
    auto [end, ec] = std::from_chars(text, text + length, number);
    if (ec != std::errc() || end != text + length) return fail("number out of range", start);
    return scalar(Value(number), start);
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    const auto start = begin_scalar();
    if (!checked({text, length}, start)) return false;
    return scalar(Value(std::string(text, length)), start);
  }
  bool Key(const char* text, rapidjson::SizeType length, bool);
  bool StartObject() { return open(Value(Object())); }
  bool StartArray() { return open(Value(Array())); }
  bool EndObject(rapidjson::SizeType) { return close(); }
  bool EndArray(rapidjson::SizeType) { return close(); }

  [[nodiscard]] Value& root() { return m_root; }
  [[nodiscard]] const std::optional<ParseFailure>& failure() const { return m_failure; }
  [[nodiscard]] bool stopped() const { return m_stopped; }

 private:
  bool fail(std::string message, std::size_t offset) {
    m_failure = ParseFailure{std::move(message), offset};
    return false;
  }
  // A string without escapes is its text between the quotes: only one with escapes is searched.
  bool checked(std::string_view s, std::size_t start) {
    if (m_end - start == s.size() + 2 || !has_lone_surrogate(s)) return true;
    return fail(message_of(rapidjson::kParseErrorStringUnicodeSurrogateInvalid), start);
  }
  // Scalar events come just past their token.
  std::size_t begin_scalar() {
    const auto start = value_start(m_text, m_end);
    m_end = m_stream.Tell();
    return start;
  }
  [[nodiscard]] bool is_root_member() const {
    return m_members != nullptr && m_frames.size() == 1 && m_skipped == 0;
  }
  [[nodiscard]] bool is_skipped() const {
    return m_skipped > 0 || (is_root_member() && m_take == Take::skip);
  }
  Value* slot(Role& role);
  bool scalar(Value value, std::size_t start);
  bool open(Value container);
  bool close();
  bool finish(Value& value, Role role);

  std::string_view m_text;
  const rapidjson::MemoryStream& m_stream;
  RootMembers* m_members;
  std::vector<Frame> m_frames;
  std::size_t m_skipped = 0;  // open containers inside a skipped value
  std::string m_key;          // the current key of the root object (read_root_members)
  Take m_take = Take::value;  // what to do with its value
  std::size_t m_end = 0;      // just past the previous token
  Value m_root;
  Value m_member;   // a value of the root object on its way to RootMembers::value()
  Value m_element;  // an element on its way to RootMembers::element()
  std::optional<ParseFailure> m_failure;
  bool m_stopped = false;
};

bool TreeBuilder::Key(const char* text, rapidjson::SizeType length, bool) {
  const auto start = begin_scalar();
  if (!checked({text, length}, start)) return false;
  if (m_skipped > 0) return true;
  if (is_root_member()) {
    m_key.assign(text, length);
    m_take = m_members->key(m_key);
  } else {
    m_frames.back().value->as_object().emplace_back(std::string(text, length), Value());
  }
  return true;
}

// Where the next value goes, and what becomes of it.
Value* TreeBuilder::slot(Role& role) {
  role = Role::kept;
  if (m_frames.empty()) return &m_root;
  const Frame& top = m_frames.back();
  if (top.streams) {
    role = Role::element;
    return &m_element;
  }
  if (is_root_member()) {
    role = Role::member_value;
    return &m_member;
  }
  if (top.value->is_array()) return &top.value->as_array().emplace_back();
  return &top.value->as_object().back().second;  // emplaced by Key()
}

bool TreeBuilder::scalar(Value value, std::size_t start) {
  if (is_skipped()) return true;
  Role role = Role::kept;
  Value* at = slot(role);
  *at = std::move(value);
  at->set_offset(static_cast<std::uint32_t>(start));
  return finish(*at, role);
}

// The iterative parser calls StartObject/StartArray and EndObject/EndArray before it takes
// the bracket: Tell() is the bracket.
bool TreeBuilder::open(Value container) {
  const auto start = m_stream.Tell();
  m_end = start + 1;
  if (m_frames.size() + m_skipped >= k_max_depth) {
    return fail(fmt::format("nesting deeper than {} levels", k_max_depth), start);
  }
  if (is_skipped()) {
    ++m_skipped;
    return true;
  }
  const bool streams = is_root_member() && m_take == Take::elements && container.is_array();
  Role role = Role::kept;
  Value* at = slot(role);
  *at = std::move(container);
  at->set_offset(static_cast<std::uint32_t>(start));
  m_frames.push_back({at, role, streams});
  return true;
}

bool TreeBuilder::close() {
  m_end = m_stream.Tell() + 1;
  if (m_skipped > 0) {
    --m_skipped;
    return true;
  }
  const Frame frame = m_frames.back();
  m_frames.pop_back();
  if (frame.streams) return true;  // its elements are gone already
  return finish(*frame.value, frame.role);
}

bool TreeBuilder::finish(Value& value, Role role) {
  bool go_on = true;
  if (role == Role::element) go_on = m_members->element(std::move(value));
  if (role == Role::member_value) go_on = m_members->value(m_key, std::move(value));
  m_stopped = !go_on;
  return go_on;
}

// RapidJSON takes a NUL byte for the end of the input (MemoryStream::Peek() gives '\0' at
// the end), so it accepts `{...}` NUL `anything`: the parse must also reach the text's end.
std::optional<ParseFailure> run(std::string_view text, TreeBuilder& builder,
                                rapidjson::MemoryStream& stream) {
  rapidjson::Reader reader;
  const rapidjson::ParseResult ok = reader.Parse<k_flags>(stream, builder);
  if (!ok) {
    if (ok.Code() == rapidjson::kParseErrorTermination) return builder.failure();
    return ParseFailure{message_of(ok.Code()), ok.Offset()};
  }
  if (stream.Tell() < text.size()) {
    return ParseFailure{message_of(rapidjson::kParseErrorDocumentRootNotSingular), stream.Tell()};
  }
  return std::nullopt;
}

}  // namespace

std::optional<ParseFailure> read(std::string_view text, Value& out) {
  rapidjson::MemoryStream stream(text.data(), text.size());
  TreeBuilder builder(text, stream, nullptr);
  auto failure = run(text, builder, stream);
  if (!failure) out = std::move(builder.root());
  return failure;
}

bool parse(std::string_view text, Value& out, std::string& error) {
  auto failure = read(text, out);
  if (!failure) return true;
  const TextPosition p = position_of(text, failure->offset);
  error = fmt::format("{}:{}: {}", p.line, p.column, failure->message);
  return false;
}

RootResult read_root_members(std::string_view text, RootMembers& members) {
  using Status = RootResult::Status;
  std::size_t root = 0;
  while (root < text.size() && is_space(text[root]))
    ++root;
  if (root >= text.size() || text[root] != '{') return {Status::not_an_object, {"", root}};
  rapidjson::MemoryStream stream(text.data(), text.size());
  TreeBuilder builder(text, stream, &members);
  auto failure = run(text, builder, stream);
  if (builder.stopped()) return {Status::stopped, {}};
  if (failure) return {Status::malformed, std::move(*failure)};
  return {Status::done, {}};
}

}  // namespace roster::core::json
