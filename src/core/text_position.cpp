#include "roster/core/text_position.hpp"

namespace roster::core {

namespace {

bool starts_character(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a UTF-8 continuation byte
}

}  // namespace

TextPosition TextCursor::at(std::size_t offset) {
  if (offset > m_text.size()) offset = m_text.size();
  if (offset >= m_offset) {
    forward(offset);
  } else {
    backward(offset);
  }
  return m_position;
}

void TextCursor::forward(std::size_t offset) {
  m_scanned += offset - m_offset;
  for (; m_offset < offset; ++m_offset) {
    char c = m_text[m_offset];
    if (c == '\n') {
      ++m_position.line;
      m_position.column = 1;
    } else if (starts_character(c)) {
      ++m_position.column;
    }
  }
}

void TextCursor::backward(std::size_t offset) {
  std::size_t line_breaks = 0;
  for (std::size_t i = offset; i < m_offset; ++i) {
    if (m_text[i] == '\n') ++line_breaks;
  }
  std::size_t line_start = offset;
  while (line_start > 0 && m_text[line_start - 1] != '\n')
    --line_start;
  m_scanned += (m_offset - offset) + (offset - line_start);
  m_position.line -= static_cast<std::uint32_t>(line_breaks);
  m_position.column = 1;
  for (std::size_t i = line_start; i < offset; ++i) {
    if (starts_character(m_text[i])) ++m_position.column;
  }
  m_offset = offset;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
  return TextCursor(text).at(offset);
}

}  // namespace roster::core
