#include "roster/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace roster::core {

void Diagnostics::error(SourceLocation location, std::string message) {
  m_items.push_back({Severity::error, std::move(location), std::move(message)});
  ++m_error_count;
}

void Diagnostics::warning(SourceLocation location, std::string message) {
  m_items.push_back({Severity::warning, std::move(location), std::move(message)});
}

void Diagnostics::append(const Diagnostics& other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
  m_error_count += other.m_error_count;
}

void Diagnostics::sort() {
  std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location.file, a.location.line, a.location.column) <
           std::tie(b.location.file, b.location.line, b.location.column);
  });
}

std::string format_diagnostic(const Diagnostic& diagnostic) {
  std::string out;
  const auto& where = diagnostic.location;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) {
      out += ':' + std::to_string(where.line);
      if (where.column > 0) out += ':' + std::to_string(where.column);
    }
    out += ": ";
  }
  out += diagnostic.severity == Severity::error ? "error: " : "warning: ";
  out += diagnostic.message;
  return out;
}

}  // namespace roster::core
