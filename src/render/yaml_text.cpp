#include "yaml_text.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <stdexcept>
#include <string>

namespace roster::render {

namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
};

// The code point starting at `text[at]`; the text is valid UTF-8 (libyaml, the CSV
// importer and the JSON reader check that), a truncated tail reads as one byte.
CodePoint code_point_at(std::string_view text, std::size_t at) {
  auto lead = static_cast<unsigned char>(text[at]);
  std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (length == 1 || at + length > text.size()) return {lead, 1};
  char32_t value = lead & (0x3Fu >> (length - 1));
  for (std::size_t i = 1; i < length; ++i)
    value = (value << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3Fu);
  return {value, length};
}

// yaml-cpp 0.7 replaces these with U+FFFD wherever it decodes text (double quotes,
// comments): its GetNextCodePointAndAdvance treats Unicode noncharacters as invalid.
bool is_noncharacter(char32_t c) {
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFEu) == 0xFFFEu;
}

bool has_noncharacter(std::string_view text) {
  for (std::size_t at = 0; at < text.size();) {
    auto c = code_point_at(text, at);
    if (is_noncharacter(c.value)) return true;
    at += c.length;
  }
  return false;
}

// yaml-cpp 0.7 writes these raw, also inside double quotes, but libyaml rejects DEL and
// reads NEL, LS and PS as line breaks. With EscapeNonAscii it escapes all four.
bool needs_ascii_escapes(std::string_view text) {
  for (std::string_view raw : {"\x7F", "\xC2\x85", "\xE2\x80\xA8", "\xE2\x80\xA9"}) {
    if (text.find(raw) != std::string_view::npos) return true;
  }
  return false;
}

// Plain text that YAML readers take for null, a bool or a number (yaml-cpp's own
// conversions: ~, null, yes/no/on/off/true/false, decimal, hex and octal integers,
// floats, .inf, .nan). roster reads it back as the string; people and other tools don't.
bool reads_as_non_string(const std::string& text) {
  const YAML::Node node(text);
  bool flag = false;
  long long integer = 0;
  double number = 0;
  return YAML::IsNullString(text) || YAML::convert<bool>::decode(node, flag) ||
         YAML::convert<long long>::decode(node, integer) ||
         YAML::convert<double>::decode(node, number);
}

struct Verbatim {
  std::string text;
};
std::ostream& operator<<(std::ostream& out, const Verbatim& verbatim) {
  return out << verbatim.text;
}

// The inside of yaml-cpp's double-quoted, ASCII-only form of `piece`.
std::string escaped_by_yaml_cpp(std::string_view piece) {
  YAML::Emitter quoted;
  quoted << YAML::EscapeNonAscii << YAML::DoubleQuoted << std::string(piece);
  return std::string(quoted.c_str() + 1, quoted.size() - 2);
}

// The one hand-written escape (decision 0046): yaml-cpp escapes the text between
// noncharacters, roster the noncharacters themselves.
void write_with_noncharacters(YAML::Emitter& out, std::string_view text) {
  std::string quoted = "\"";
  std::size_t start = 0;
  for (std::size_t at = 0; at < text.size();) {
    auto c = code_point_at(text, at);
    if (is_noncharacter(c.value)) {
      quoted += escaped_by_yaml_cpp(text.substr(start, at - start));
      auto value = static_cast<std::uint32_t>(c.value);
      quoted += value <= 0xFFFF ? fmt::format("\\u{:04X}", value) : fmt::format("\\U{:08X}", value);
      start = at + c.length;
    }
    at += c.length;
  }
  quoted += escaped_by_yaml_cpp(text.substr(start)) + "\"";
  write_yaml_verbatim(out, std::move(quoted));
}

bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

// What libyaml's reader refuses anywhere in a file (besides line breaks, handled apart).
bool is_forbidden_raw(char32_t c) {
  return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
}

}  // namespace

void write_yaml_string(YAML::Emitter& out, std::string_view text) {
  if (has_noncharacter(text)) return write_with_noncharacters(out, text);
  std::string value(text);
  if (needs_ascii_escapes(text)) {
    out << YAML::EscapeNonAscii << YAML::DoubleQuoted;
  } else if (text.starts_with(':') || reads_as_non_string(value)) {
    // yaml-cpp writes `:x` plain, which libyaml cannot read inside a flow collection.
    out << YAML::DoubleQuoted;
  }
  out << value;
}

void write_yaml_verbatim(YAML::Emitter& out, std::string text) {
  // WriteIntegralType is yaml-cpp's public "stream this as one node" (WriteStreamable
  // would also instantiate std::isnan for the type).
  out.WriteIntegralType(Verbatim{std::move(text)});
}

void write_yaml_string_entry(YAML::Emitter& out, const char* key, std::string_view text) {
  out << YAML::Key << key << YAML::Value;
  write_yaml_string(out, text);
}

void write_yaml_header(YAML::Emitter& out, std::string_view header) {
  std::string line;
  bool first = true;
  auto end_line = [&] {
    if (!first) out << YAML::Newline;
    out << YAML::Comment(line);
    line.clear();
    first = false;
  };
  for (std::size_t at = 0; at < header.size();) {
    auto c = code_point_at(header, at);
    if (header.substr(at, 2) == "\r\n") c.length = 2;
    if (is_line_break(c.value)) {
      end_line();
    } else {
      line += is_forbidden_raw(c.value) ? std::string_view("\xEF\xBF\xBD")
                                        : header.substr(at, c.length);
    }
    at += c.length;
  }
  if (!line.empty()) end_line();
}

void finish_yaml_document(const YAML::Emitter& out, std::ostream& stream) {
  if (!out.good()) throw std::logic_error("manifest writer: " + out.GetLastError());
  stream << '\n';
}

}  // namespace roster::render
