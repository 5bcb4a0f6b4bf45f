#include "csv_reader.hpp"

namespace roster::manifest {

CsvReader::CsvReader(std::string_view text, const std::string& file, core::Diagnostics& diagnostics)
    : m_text(text), m_file(file), m_diagnostics(diagnostics) {
  if (m_text.substr(0, 3) == "\xEF\xBB\xBF") m_pos = 3;  // Excel's "CSV UTF-8" writes one
}

bool CsvReader::next(CsvRecord& record, std::size_t max_fields) {
  record.fields.clear();
  record.field_count = 0;
  if (at_end()) return false;
  record.line = m_line;
  for (;;) {
    auto field = read_field();
    if (++record.field_count <= max_fields) record.fields.push_back(std::move(field));
    if (at_end()) return true;
    if (peek() != ',') {
      skip_line_break();
      return true;
    }
    advance();
  }
}

CsvField CsvReader::read_field() {
  CsvField field;
  field.line = m_line;
  field.column = m_column;
  std::size_t start = m_pos;
  while (!at_end() && (peek() == ' ' || peek() == '\t'))
    advance();
  if (!at_end() && peek() == '"') {
    field.column = m_column;
    read_quoted(field);
  } else {
    read_unquoted(field, start);
  }
  return field;
}

void CsvReader::read_quoted(CsvField& field) {
  advance();  // the opening quote
  for (;;) {
    if (at_end()) {
      error(field.line, field.column,
            "unterminated quoted field: the quote opened here is never closed");
      field.is_malformed = true;
      return;
    }
    if (peek() == '"') {
      advance();
      if (at_end() || peek() != '"') break;  // the closing quote
    }
    field.value += peek();
    advance();
  }
  while (!at_end() && (peek() == ' ' || peek() == '\t'))
    advance();
  if (at_field_end()) return;
  error(m_line, m_column,
        "unexpected text after the closing quote of a field (inside quotes, write a quote "
        "as \"\")");
  field.is_malformed = true;
  while (!at_field_end())
    advance();
}

void CsvReader::read_unquoted(CsvField& field, std::size_t start) {
  while (!at_field_end()) {
    if (peek() == '"' && !field.is_malformed) {
      error(m_line, m_column,
            "unexpected '\"' in an unquoted field (quote the whole field and write the quote "
            "as \"\")");
      field.is_malformed = true;
    }
    advance();
  }
  field.value.assign(m_text.substr(start, m_pos - start));
}

void CsvReader::skip_line_break() {
  bool is_cr = peek() == '\r';
  advance();
  if (is_cr && !at_end() && peek() == '\n') advance();
}

// Keeps line and column in step with m_pos. CRLF counts as one line break (at its LF);
// a lone CR (old Mac exports) counts as one too. UTF-8 continuation bytes add no column.
void CsvReader::advance() {
  auto c = static_cast<unsigned char>(m_text[m_pos++]);
  if (c == '\n' || (c == '\r' && (at_end() || peek() != '\n'))) {
    ++m_line;
    m_column = 1;
  } else if ((c & 0xC0) != 0x80 && c != '\r') {
    ++m_column;
  }
}

void CsvReader::error(std::uint32_t line, std::uint32_t column, std::string message) {
  m_diagnostics.error({m_file, line, column}, std::move(message));
}

}  // namespace roster::manifest
