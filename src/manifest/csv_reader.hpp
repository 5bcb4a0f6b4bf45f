#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "roster/core/diagnostic.hpp"

namespace roster::manifest {

/// One field of a CSV record: its text (quotes removed, `""` undone, blanks kept) and
/// where it starts (its opening quote when quoted).
struct CsvField {
  std::string value;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  bool is_malformed =
      false;  // a quoting error was reported here: value and the fields after it are unreliable
};

/// One record. A quoted field may hold line breaks, so a record can span several lines;
/// `line` is the one it starts on. `fields` holds at most the first `max_fields` asked
/// for; `field_count` counts them all.
struct CsvRecord {
  std::vector<CsvField> fields;
  std::size_t field_count = 0;
  std::uint32_t line = 0;
};

/// Reads RFC 4180 records one at a time: fields separated by commas, optionally in
/// double quotes with `""` for a quote; records end at LF, CRLF or CR, which quoted
/// fields may contain. A leading UTF-8 byte order mark is skipped. Lines and columns
/// count from 1; columns count code points. Quoting errors go to `diagnostics` and
/// reading carries on: no input makes the reader throw or stop early.
class CsvReader {
 public:
  CsvReader(std::string_view text, const std::string& file, core::Diagnostics& diagnostics);

  /// Reads the next record into `record`, keeping at most `max_fields` of its fields
  /// (the rest are read, checked and counted: a row of a million fields costs no more
  /// memory than one of ten); false at the end of the input. A blank line is a record
  /// with one empty field.
  bool next(CsvRecord& record, std::size_t max_fields = SIZE_MAX);

 private:
  CsvField read_field();
  void read_quoted(CsvField& field);
  void read_unquoted(CsvField& field, std::size_t start);
  void skip_line_break();
  void advance();
  void error(std::uint32_t line, std::uint32_t column, std::string message);
  [[nodiscard]] bool at_end() const noexcept { return m_pos >= m_text.size(); }
  [[nodiscard]] char peek() const noexcept { return m_text[m_pos]; }
  [[nodiscard]] bool at_field_end() const noexcept {
    return at_end() || peek() == ',' || peek() == '\n' || peek() == '\r';
  }

  std::string_view m_text;
  const std::string& m_file;
  core::Diagnostics& m_diagnostics;
  std::size_t m_pos = 0;
  std::uint32_t m_line = 1;
  std::uint32_t m_column = 1;
};

}  // namespace roster::manifest
