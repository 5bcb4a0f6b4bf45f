// An HR export (CSV) → DesiredMembers: the header names the columns, every cell is
// checked like the manifest key it fills, then duplicates are checked across rows.
#include "roster/manifest/import_csv.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "csv_header.hpp"
#include "csv_reader.hpp"
#include "csv_text.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/core/json.hpp"
#include "roster/model/email.hpp"

namespace roster::manifest {

namespace {

using core::json::quote;

// A row's email and external_id with where they were written. Kept for every row whose
// email is valid, also rows with other errors, so that one run reports every duplicate.
struct RowKeys {
  std::string email;
  core::SourceLocation email_at;
  std::optional<std::string> external_id;
  core::SourceLocation external_id_at;
};

// Reads the cells of data rows against the header, reporting to `diagnostics`.
class RowReader {
 public:
  RowReader(const std::string& file, const CsvHeader& header, core::Diagnostics& diagnostics)
      : m_file(file), m_header(header), m_diagnostics(diagnostics) {}

  /// The member a row declares, or nullopt when any of its cells is wrong.
  std::optional<model::DesiredMember> read(const CsvRecord& record, std::vector<RowKeys>& keys);

 private:
  bool read_cell(CsvColumn column, const CsvField& field, model::DesiredMember& member,
                 RowKeys& row);
  bool read_email(std::string_view value, const core::SourceLocation& where, RowKeys& row);
  bool check_text(std::string_view value, CsvColumn column, const core::SourceLocation& where);
  bool check_name(std::string_view value, CsvColumn column, const core::SourceLocation& where);
  bool check_external_id(std::string_view value, const core::SourceLocation& where);
  bool read_state(std::string_view value, const core::SourceLocation& where,
                  model::DesiredState& state);
  bool check_field_count(const CsvRecord& record);
  void error(const core::SourceLocation& where, std::string message) {
    m_diagnostics.error(where, std::move(message));
  }

  const std::string& m_file;
  const CsvHeader& m_header;
  core::Diagnostics& m_diagnostics;
};

std::optional<model::DesiredMember> RowReader::read(const CsvRecord& record,
                                                    std::vector<RowKeys>& keys) {
  auto malformed = std::find_if(record.fields.begin(), record.fields.end(),
                                [](const CsvField& f) { return f.is_malformed; });
  bool ok = malformed == record.fields.end();
  if (ok && !check_field_count(record)) return std::nullopt;
  // After a quoting error the fields no longer line up with the header: check only
  // the cells before it (the reader has reported the error itself).
  auto usable = std::min(static_cast<std::size_t>(malformed - record.fields.begin()),
                         m_header.columns.size());
  model::DesiredMember member;
  member.location = {m_file, record.line, 1};
  RowKeys row;
  for (std::size_t i = 0; i < usable; ++i) {
    if (!read_cell(m_header.columns[i], record.fields[i], member, row)) ok = false;
  }
  if (!row.email.empty()) {
    member.email = row.email;
    keys.push_back(std::move(row));
  }
  if (!ok || member.email.empty()) return std::nullopt;
  return member;
}

bool RowReader::check_field_count(const CsvRecord& record) {
  auto expected = m_header.columns.size();
  auto found = record.field_count;
  if (found == expected) return true;
  std::string message = "row has " + std::to_string(found) + " fields but the header row has " +
                        std::to_string(expected);
  if (found < expected) {
    error({m_file, record.line, 1}, message);
  } else {
    const auto& extra = record.fields[expected];
    error({m_file, extra.line, extra.column},
          message + " (is a value with a comma not in double quotes?)");
  }
  return false;
}

bool RowReader::read_cell(CsvColumn column, const CsvField& field, model::DesiredMember& member,
                          RowKeys& row) {
  core::SourceLocation where{m_file, field.line, field.column};
  auto value = trim_csv_blanks(field.value);
  if (column == CsvColumn::unknown) return true;  // reported once, at the header
  if (column == CsvColumn::unnamed) {
    if (value.empty()) return true;
    error(where, "value in a column that has no name in the header row");
    return false;
  }
  if (!is_valid_utf8(value)) {
    error(where,
          std::string(to_string(column)) + " is not valid UTF-8 (export the file as UTF-8 CSV)");
    return false;
  }
  switch (column) {
    case CsvColumn::email:
      return read_email(value, where, row);
    case CsvColumn::given_name:
    case CsvColumn::surname:
      if (value.empty()) return true;
      if (!check_name(value, column, where)) return false;
      (column == CsvColumn::given_name ? member.given_name : member.surname) = std::string(value);
      return true;
    case CsvColumn::external_id:
      if (value.empty()) return true;
      if (!check_external_id(value, where)) return false;
      member.external_id = std::string(value);
      row.external_id = member.external_id;
      row.external_id_at = where;
      return true;
    case CsvColumn::state:
      return read_state(value, where, member.state);
    default:
      return true;
  }
}

bool RowReader::read_email(std::string_view value, const core::SourceLocation& where,
                           RowKeys& row) {
  if (value.empty()) {
    error(where, "missing email (every row needs one)");
    return false;
  }
  if (value.size() > model::k_max_email_length) {
    error(where, "email is " + std::to_string(value.size()) +
                     " characters long; Dropbox allows at most 255");
    return false;
  }
  if (!model::is_valid_email(value)) {
    error(where, "invalid email " + quote(value) + " (Dropbox expects name@domain.tld)");
    return false;
  }
  row.email = model::normalise_email(value);
  row.email_at = where;
  return true;
}

bool RowReader::check_text(std::string_view value, CsvColumn column,
                           const core::SourceLocation& where) {
  auto control = first_control_character(value);
  if (!control) return true;
  error(where, std::string(to_string(column)) + " contains a control character (" +
                   format_code_point(*control) + "); remove line breaks and tabs from values");
  return false;
}

// The rules of common.OptionalNamePart, worded as the manifest loader words them.
bool RowReader::check_name(std::string_view value, CsvColumn column,
                           const core::SourceLocation& where) {
  if (!check_text(value, column, where)) return false;
  std::string what = to_string(column);
  if (auto length = model::utf8_length(value); length > model::k_max_name_length) {
    error(where,
          what + " is " + std::to_string(length) + " characters long; Dropbox allows at most 50");
    return false;
  }
  auto bad = value.find_first_of(model::k_name_forbidden_chars);
  if (bad != std::string_view::npos) {
    error(where, what + " contains \"" + value[bad] +
                     "\", which Dropbox does not allow in names (/ : ? * < > \" |)");
    return false;
  }
  return true;
}

bool RowReader::check_external_id(std::string_view value, const core::SourceLocation& where) {
  if (!check_text(value, CsvColumn::external_id, where)) return false;
  auto length = model::utf8_length(value);
  if (length <= model::k_max_external_id_length) return true;
  error(where,
        "external_id is " + std::to_string(length) + " characters long; Dropbox allows at most 64");
  return false;
}

bool RowReader::read_state(std::string_view value, const core::SourceLocation& where,
                           model::DesiredState& state) {
  auto word = lower_ascii(value);
  if (word.empty()) {
    state = model::DesiredState::active;
  } else if (auto named = model::desired_state_from_string(word)) {
    state = *named;
  } else {
    error(where, "unknown state " + quote(core::excerpt(value)) + " (expected " +
                     model::desired_state_choices() + ")");
    return false;
  }
  return true;
}

std::string at(const core::SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

void check_duplicates(const std::vector<RowKeys>& rows, core::Diagnostics& diagnostics) {
  std::unordered_map<std::string_view, std::size_t> by_email;
  std::unordered_map<std::string_view, std::size_t> by_external_id;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    auto [first, is_new] = by_email.emplace(row.email, i);
    if (!is_new) {
      diagnostics.error(row.email_at, "duplicate member " + quote(row.email) +
                                          " (first listed at " + at(rows[first->second].email_at) +
                                          ")");
    }
    if (!row.external_id) continue;
    auto [other, is_fresh] = by_external_id.emplace(*row.external_id, i);
    if (!is_fresh) {
      const auto& owner = rows[other->second];
      diagnostics.error(row.external_id_at, "duplicate external_id " + quote(*row.external_id) +
                                                " (also " + owner.email + " at " +
                                                at(owner.external_id_at) + ")");
    }
  }
}

bool is_blank(const CsvRecord& record) {
  return record.field_count == record.fields.size() &&
         std::all_of(record.fields.begin(), record.fields.end(), [](const CsvField& f) {
           return !f.is_malformed && trim_csv_blanks(f.value).empty();
         });
}

bool is_utf16(std::string_view text) {
  return text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF";
}

}  // namespace

CsvImport import_csv(std::string_view text, const std::string& file_name) {
  CsvImport result;
  auto& diagnostics = result.diagnostics;
  if (is_utf16(text)) {
    diagnostics.error({file_name, 1, 1}, "the file is UTF-16 text (export it as UTF-8 CSV)");
    return result;
  }
  CsvReader reader(text, file_name, diagnostics);
  CsvRecord record;
  std::optional<CsvHeader> header;
  std::optional<RowReader> rows;
  std::uint32_t header_line = 1;
  std::vector<RowKeys> keys;
  // The header may name up to k_max_csv_columns; a row needs one field past the header
  // to report where its extra fields start.
  while (reader.next(record, header ? header->columns.size() + 1 : k_max_csv_columns + 1)) {
    if (is_blank(record)) continue;
    if (!header) {
      header = read_csv_header(record, file_name, diagnostics);
      header_line = record.line;
      if (!header->has_email) break;  // rows cannot be matched to columns
      rows.emplace(file_name, *header, diagnostics);
      continue;
    }
    if (auto member = rows->read(record, keys)) result.members.push_back(std::move(*member));
  }
  if (!header) {
    diagnostics.error({file_name, 1, 1},
                      "empty CSV file (expected a header row naming an \"email\" column)");
  }
  check_duplicates(keys, diagnostics);
  if (header && !diagnostics.has_errors() && result.members.empty()) {
    diagnostics.warning({file_name, header_line, 1}, "no member rows after the header row");
  }
  return result;
}

}  // namespace roster::manifest
