#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "roster/manifest/import_csv.hpp"
#include "roster/manifest/load_manifest.hpp"
#include "roster/render/render_members.hpp"
#include "support/diagnostics.hpp"

namespace roster::test {

inline manifest::CsvImport import_text(const std::string& text) {
  return manifest::import_csv(text, "hr.csv");
}

/// Every diagnostic as it is printed: `hr.csv:line:col: error: message`.
inline std::vector<std::string> csv_messages(const std::string& text) {
  return printed(import_text(text).diagnostics);
}

/// The manifest text `import-csv` prints for `members`.
inline std::string members_yaml(const std::vector<model::DesiredMember>& members) {
  std::ostringstream out;
  render::render_members_yaml(members, "imported from hr.csv", out);
  return out.str();
}

/// The fields a CSV import sets, for comparing members read back from a manifest.
inline bool same_csv_fields(const model::DesiredMember& a, const model::DesiredMember& b) {
  return a.email == b.email && a.given_name == b.given_name && a.surname == b.surname &&
         a.external_id == b.external_id && a.state == b.state;
}

}  // namespace roster::test
