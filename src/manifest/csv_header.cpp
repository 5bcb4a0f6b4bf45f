// The header row of a CSV import: which manifest key each column fills.
#include "csv_header.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "csv_text.hpp"
#include "node_reader.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/core/json.hpp"

namespace roster::manifest {

namespace {

using core::json::quote;

constexpr std::size_t k_known_columns = static_cast<std::size_t>(CsvColumn::state) + 1;

constexpr std::array<std::pair<std::string_view, CsvColumn>, 10> k_names = {{
    {"email", CsvColumn::email},
    {"given_name", CsvColumn::given_name},
    {"surname", CsvColumn::surname},
    {"external_id", CsvColumn::external_id},
    {"state", CsvColumn::state},
    {"email_address", CsvColumn::email},
    {"first_name", CsvColumn::given_name},
    {"last_name", CsvColumn::surname},
    {"family_name", CsvColumn::surname},
    {"employee_id", CsvColumn::external_id},
}};

// "Given Name", "given-name" and "GIVEN_NAME" all become "given_name".
std::string normalise_column_name(std::string_view name) {
  std::string out = lower_ascii(name);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
  return out;
}

std::string unknown_column_message(std::string_view name, const std::string& normalised) {
  auto hint = closest_match(
      normalised, {"email", "given_name", "surname", "external_id", "state", "email_address",
                   "first_name", "last_name", "family_name", "employee_id"});
  std::string message = "unknown column " + quote(core::excerpt(name));
  if (!hint.empty()) return message + " (did you mean \"" + std::string(hint) + "\"?)";
  return message +
         " (roster imports email, given_name, surname, external_id and state; remove other "
         "columns from the export)";
}

// A semicolon- or tab-separated export read as CSV is one long header field.
bool is_other_separator(const CsvRecord& record, char& separator) {
  if (record.fields.size() != 1) return false;
  for (char c : {';', '\t'}) {
    if (record.fields[0].value.find(c) != std::string::npos) {
      separator = c;
      return true;
    }
  }
  return false;
}

}  // namespace

const char* to_string(CsvColumn column) noexcept {
  switch (column) {
    case CsvColumn::email:
      return "email";
    case CsvColumn::given_name:
      return "given_name";
    case CsvColumn::surname:
      return "surname";
    case CsvColumn::external_id:
      return "external_id";
    case CsvColumn::state:
      return "state";
    case CsvColumn::unknown:
      return "unknown";
    case CsvColumn::unnamed:
      return "unnamed";
  }
  return "unknown";
}

CsvHeader read_csv_header(const CsvRecord& record, const std::string& file,
                          core::Diagnostics& diagnostics) {
  CsvHeader header;
  char separator = 0;
  if (record.field_count > k_max_csv_columns) {
    diagnostics.error({file, record.line, 1},
                      fmt::format("the header row has {} columns; roster reads at most {} (is "
                                  "the first row of the file the header?)",
                                  record.field_count, k_max_csv_columns));
    return header;
  }
  if (is_other_separator(record, separator)) {
    diagnostics.error({file, record.line, 1},
                      std::string("the header row is separated by ") +
                          (separator == ';' ? "semicolons" : "tabs") +
                          ", not commas (export the file as comma-separated CSV)");
    return header;
  }
  // Where each known column was first named: a header of 100,000 columns is checked
  // in one pass, not by searching the columns before each one.
  std::array<std::size_t, k_known_columns> first_at{};
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const auto& field = record.fields[i];
    core::SourceLocation where{file, field.line, field.column};
    auto name = trim_csv_blanks(field.value);
    auto normalised = normalise_column_name(name);
    auto known = std::find_if(k_names.begin(), k_names.end(),
                              [&](const auto& entry) { return entry.first == normalised; });
    CsvColumn column = CsvColumn::unknown;
    if (field.is_malformed) {
      column = CsvColumn::unknown;  // already reported by the reader
    } else if (name.empty()) {
      column = CsvColumn::unnamed;
    } else if (known == k_names.end()) {
      diagnostics.error(where, unknown_column_message(name, normalised));
    } else {
      auto& first = first_at[static_cast<std::size_t>(known->second)];
      if (first == 0) {
        column = known->second;
        first = i + 1;
      } else {
        diagnostics.error(where, "column " + quote(core::excerpt(name)) + " is a second " +
                                     to_string(known->second) + " column (the first is column " +
                                     std::to_string(first) + ")");
      }
    }
    header.columns.push_back(column);
  }
  header.has_email = first_at[static_cast<std::size_t>(CsvColumn::email)] != 0;
  if (!header.has_email) {
    diagnostics.error({file, record.line, 1},
                      "the header row has no \"email\" column (the first row of the file must "
                      "name the columns)");
  }
  return header;
}

}  // namespace roster::manifest
