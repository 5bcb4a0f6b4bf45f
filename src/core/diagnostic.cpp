#include "roster/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace roster::core {

namespace {

// Messages quote user values, which may hold line breaks (a multi-line YAML scalar) or
// terminal escape sequences: escaped here, every message stays one printable line.
std::string one_line(std::string message) {
  auto is_control = [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) == 0x7F;
  };
  if (std::none_of(message.begin(), message.end(), is_control)) return message;
  static const char k_hex[] = "0123456789abcdef";
  std::string out;
  for (char c : message) {
    if (!is_control(c)) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += "\\x";
      out += k_hex[byte >> 4];
      out += k_hex[byte & 0xF];
    }
  }
  return out;
}

}  // namespace

void Diagnostics::error(SourceLocation location, std::string message) {
  m_items.push_back({Severity::error, std::move(location), one_line(std::move(message))});
  ++m_error_count;
}

void Diagnostics::warning(SourceLocation location, std::string message) {
  m_items.push_back({Severity::warning, std::move(location), one_line(std::move(message))});
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
