#pragma once

#include <string>
#include <vector>

#include "csv_reader.hpp"
#include "roster/core/diagnostic.hpp"

namespace roster::manifest {

/// What one CSV column holds. `unknown` columns were reported and their cells are
/// skipped; `unnamed` columns (an empty header cell) must have empty cells.
/// The known columns come first, `state` last of them: the header reader indexes by them.
enum class CsvColumn { email, given_name, surname, external_id, state, unknown, unnamed };

/// A header naming more columns than this is refused: HR exports have dozens.
inline constexpr std::size_t k_max_csv_columns = 1000;

/// The header row, one entry per field.
struct CsvHeader {
  std::vector<CsvColumn> columns;
  bool has_email = false;  // without an email column no row can be read
};

/// Reads the header row: names are trimmed and matched case-insensitively, with ' ' and
/// '-' read as '_' and a few common HR aliases (First Name, Last Name, Employee ID...).
/// Reports unknown, repeated and missing required columns, and more than
/// k_max_csv_columns columns (then `has_email` is false: no row can be read).
[[nodiscard]] CsvHeader read_csv_header(const CsvRecord& record, const std::string& file,
                                        core::Diagnostics& diagnostics);

/// The manifest key a column fills ("given_name"), for messages.
[[nodiscard]] const char* to_string(CsvColumn column) noexcept;

}  // namespace roster::manifest
