// Small text checks for CSV cells, which arrive as raw bytes from HR exports.
#include "csv_text.hpp"

#include <algorithm>

namespace roster::manifest {

namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Decodes the sequence at `text[at]`; returns its length, or 0 when it is malformed.
std::size_t decode(std::string_view text, std::size_t at, char32_t& out) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[at + i]); };
  unsigned char lead = byte(0);
  std::size_t length = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    out = lead;
    return 1;
  }
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  out = lead & (0x7Fu >> length);  // the payload bits of the lead byte
  if (at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    out = (out << 6) | (byte(i) & 0x3Fu);
  }
  if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::string_view trim_csv_blanks(std::string_view text) {
  while (!text.empty() && is_blank(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back()))
    text.remove_suffix(1);
  return text;
}

bool is_valid_utf8(std::string_view text) {
  char32_t c = 0;
  for (std::size_t at = 0; at < text.size();) {
    auto length = decode(text, at, c);
    if (length == 0) return false;
    at += length;
  }
  return true;
}

std::optional<char32_t> first_control_character(std::string_view text) {
  char32_t c = 0;
  for (std::size_t at = 0; at < text.size();) {
    auto length = decode(text, at, c);
    if (length == 0) return std::nullopt;  // callers check is_valid_utf8 first
    at += length;
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
        c == 0xFFFE || c == 0xFFFF) {
      return c;
    }
  }
  return std::nullopt;
}

std::string format_code_point(char32_t c) {
  static const char k_hex[] = "0123456789ABCDEF";
  std::string digits;
  for (; c != 0 || digits.size() < 4; c >>= 4)
    digits += k_hex[c & 0xF];
  std::reverse(digits.begin(), digits.end());
  return "U+" + digits;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

}  // namespace roster::manifest
