#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "roster/core/diagnostic.hpp"
#include "roster/model/desired.hpp"

namespace roster::manifest {

/// Members read from an HR export. When `diagnostics.has_errors()`, `members` is
/// incomplete (rows with errors are left out) and must not be written out.
struct CsvImport {
  std::vector<model::DesiredMember> members;  // in file order, emails normalised
  core::Diagnostics diagnostics;              // sorted by line and column
};

/// Reads CSV text (RFC 4180; UTF-8, optional BOM; LF, CRLF or CR) whose first
/// non-blank row names the columns: `email` (required), `given_name`, `surname`,
/// `external_id`, `state`, matched case-insensitively with ' '/'-' as '_', and the
/// aliases email_address, first_name, last_name, family_name, employee_id. Any other
/// column is an error. Cells are trimmed; an empty cell is "not set" (state: active).
/// Values follow docs/manifest-format.md; control characters and invalid UTF-8 are
/// errors; blank rows are skipped. Every problem is reported as `file_name:LINE:COL`
/// (where the field starts), duplicates naming the first occurrence. Never throws on
/// bad input.
[[nodiscard]] CsvImport import_csv(std::string_view text, const std::string& file_name);

}  // namespace roster::manifest
