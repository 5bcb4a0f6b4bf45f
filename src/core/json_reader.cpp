#include <charconv>
#include <cstring>

#include "roster/core/json.hpp"
#include "roster/core/text_position.hpp"

namespace roster::core::json {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0. RFC 8259 §8.1: JSON text is UTF-8, and a
// string roster reads may end up in its own JSON output.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at) {
  auto byte = [&](std::size_t i) -> unsigned {
    return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0U;
  };
  const unsigned lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned low = 0x80, high = 0xBF;  // range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : low;
    high = lead == 0xED ? 0x9F : high;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : low;
    high = lead == 0xF4 ? 0x8F : high;
  } else {
    return 0;
  }
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned b = byte(i);
    if (b < (i == 1 ? low : 0x80U) || b > (i == 1 ? high : 0xBFU)) return 0;
  }
  return length;
}

}  // namespace

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

bool Reader::fail(std::string message) {
  if (m_error.empty()) {
    m_error = std::move(message);
    m_error_offset = m_pos;
  }
  return false;
}

void Reader::skip_whitespace() {
  while (m_pos < m_text.size()) {
    char c = m_text[m_pos];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    ++m_pos;
  }
}

char Reader::peek() {
  skip_whitespace();
  return m_pos < m_text.size() ? m_text[m_pos] : '\0';
}

bool Reader::read_literal(std::string_view word) {
  if (m_text.substr(m_pos, word.size()) != word) return fail("invalid literal");
  m_pos += word.size();
  return true;
}

bool Reader::read_string(std::string& out) {
  out.clear();
  if (m_pos >= m_text.size() || m_text[m_pos] != '"') return fail("expected a string");
  ++m_pos;
  while (true) {
    std::size_t start = m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] != '"' && m_text[m_pos] != '\\' &&
           static_cast<unsigned char>(m_text[m_pos]) >= 0x20) {
      const std::size_t length = utf8_sequence_length(m_text, m_pos);
      if (length == 0) return fail("invalid UTF-8 in string");
      m_pos += length;
    }
    out.append(m_text.substr(start, m_pos - start));
    if (m_pos >= m_text.size()) return fail("unterminated string");
    char c = m_text[m_pos];
    if (c == '"') {
      ++m_pos;
      return true;
    }
    if (c != '\\') return fail("control character in string");
    if (++m_pos >= m_text.size()) return fail("unterminated string");
    char e = m_text[m_pos++];
    switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        auto read_hex4 = [this](std::uint32_t& cp) {
          if (m_pos + 4 > m_text.size()) return fail("truncated \\u escape");
          cp = 0;
          for (int i = 0; i < 4; ++i) {
            int d = hex_digit(m_text[m_pos++]);
            if (d < 0) return fail("invalid \\u escape");
            cp = cp * 16 + static_cast<std::uint32_t>(d);
          }
          return true;
        };
        std::uint32_t cp = 0;
        if (!read_hex4(cp)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          std::uint32_t low = 0;
          if (m_text.substr(m_pos, 2) != "\\u") return fail("unpaired surrogate in \\u escape");
          m_pos += 2;
          if (!read_hex4(low)) return false;
          if (low < 0xDC00 || low > 0xDFFF) return fail("unpaired surrogate in \\u escape");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return fail("unpaired surrogate in \\u escape");
        }
        append_utf8(out, cp);
        break;
      }
      default:
        --m_pos;
        return fail("invalid escape in string");
    }
  }
}

bool Reader::read_number(double& out) {
  std::size_t start = m_pos;
  auto digits = [this] {
    std::size_t from = m_pos;
    while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
      ++m_pos;
    return m_pos - from;
  };
  if (m_pos < m_text.size() && m_text[m_pos] == '-') ++m_pos;
  if (m_pos < m_text.size() && m_text[m_pos] == '0') {
    ++m_pos;
  } else if (digits() == 0) {
    return fail("invalid number");
  }
  if (m_pos < m_text.size() && m_text[m_pos] == '.') {
    ++m_pos;
    if (digits() == 0) return fail("invalid number");
  }
  if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
    ++m_pos;
    if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
    if (digits() == 0) return fail("invalid number");
  }
  const char* first = m_text.data() + start;
  auto [ptr, ec] = std::from_chars(first, m_text.data() + m_pos, out);
  if (ec != std::errc() || ptr != m_text.data() + m_pos) {
    m_pos = start;
    return fail("number out of range");
  }
  return true;
}

bool Reader::read_value(Value& out) {
  char c = peek();
  auto offset = static_cast<std::uint32_t>(m_pos);
  switch (c) {
    case '{': {
      if (!enter_object()) return false;
      Object members;
      std::string key;
      while (next_member(key)) {
        members.emplace_back(std::move(key), Value());
        if (!read_value(members.back().second)) return false;
      }
      if (failed()) return false;
      out = Value(std::move(members));
      break;
    }
    case '[': {
      if (!enter_array()) return false;
      Array elements;
      while (next_element()) {
        elements.emplace_back();
        if (!read_value(elements.back())) return false;
      }
      if (failed()) return false;
      out = Value(std::move(elements));
      break;
    }
    case '"': {
      std::string s;
      if (!read_string(s)) return false;
      out = Value(std::move(s));
      break;
    }
    case 't':
      if (!read_literal("true")) return false;
      out = Value(true);
      break;
    case 'f':
      if (!read_literal("false")) return false;
      out = Value(false);
      break;
    case 'n':
      if (!read_literal("null")) return false;
      out = Value();
      break;
    default: {
      if (m_pos >= m_text.size()) return fail("unexpected end of input");
      if (c != '-' && (c < '0' || c > '9')) return fail("unexpected character");
      double n = 0;
      if (!read_number(n)) return false;
      out = Value(n);
    }
  }
  out.set_offset(offset);
  return true;
}

bool Reader::open_container() {
  // Recursion in read_value() follows this stack, so the limit also bounds the C++ stack.
  if (m_first.size() >= k_max_depth) {
    return fail("nesting deeper than " + std::to_string(k_max_depth) + " levels");
  }
  ++m_pos;
  m_first.push_back(true);
  return true;
}

bool Reader::enter_object() {
  if (peek() != '{') return fail("expected an object");
  return open_container();
}

bool Reader::next_member(std::string& key) {
  if (failed() || m_first.empty()) return false;
  char c = peek();
  if (c == '}') {
    ++m_pos;
    m_first.pop_back();
    return false;
  }
  if (!m_first.back()) {
    if (c != ',') return fail("expected ',' or '}' in object");
    ++m_pos;
    c = peek();
  }
  m_first.back() = false;
  if (c != '"') return fail("expected a string key");
  if (!read_string(key)) return false;
  if (peek() != ':') return fail("expected ':' after key");
  ++m_pos;
  return true;
}

bool Reader::enter_array() {
  if (peek() != '[') return fail("expected an array");
  return open_container();
}

bool Reader::next_element() {
  if (failed() || m_first.empty()) return false;
  char c = peek();
  if (c == ']') {
    ++m_pos;
    m_first.pop_back();
    return false;
  }
  if (!m_first.back()) {
    if (c != ',') return fail("expected ',' or ']' in array");
    ++m_pos;
  }
  m_first.back() = false;
  if (peek() == ']') return fail("unexpected ']' after ','");
  return true;
}

bool Reader::skip_value() {
  Value ignored;
  return read_value(ignored);
}

bool Reader::finish() {
  if (failed()) return false;
  skip_whitespace();
  // A NUL byte is content like any other: it must not end the document early.
  if (m_pos < m_text.size()) return fail("unexpected content after the JSON value");
  return true;
}

bool parse(std::string_view text, Value& out, std::string& error) {
  Reader reader(text);
  if (reader.read_value(out) && reader.finish()) return true;
  TextPosition p = position_of(text, reader.error_offset());
  error = std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + reader.error();
  return false;
}

}  // namespace roster::core::json
