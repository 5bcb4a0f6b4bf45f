#include "roster/core/diagnostic.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <tuple>

namespace roster::core {

namespace {

bool before(const Diagnostic& a, std::uint64_t a_sequence, const Diagnostic& b,
            std::uint64_t b_sequence) {
  return std::tie(a.location.file, a.location.line, a.location.column, a_sequence) <
         std::tie(b.location.file, b.location.line, b.location.column, b_sequence);
}

std::string count_of(std::size_t n, const char* what) {
  return fmt::format("{} more {}{}", n, what, n == 1 ? "" : "s");
}

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
  ++m_error_count;
  add({Severity::error, std::move(location), one_line(std::move(message))});
}

void Diagnostics::warning(SourceLocation location, std::string message) {
  ++m_warning_count;
  add({Severity::warning, std::move(location), one_line(std::move(message))});
}

void Diagnostics::append(const Diagnostics& other) {
  m_error_count += other.m_error_count;
  m_warning_count += other.m_warning_count;
  for (const auto& d : other.items())
    add(d);
}

void Diagnostics::add(Diagnostic diagnostic) {
  auto order = [](const Kept& a, const Kept& b) {
    return before(a.diagnostic, a.sequence, b.diagnostic, b.sequence);
  };
  auto sequence = m_sequence++;
  if (m_heap.size() == k_max_kept) {
    const Kept& last = m_heap.front();
    if (!before(diagnostic, sequence, last.diagnostic, last.sequence)) return;
    std::pop_heap(m_heap.begin(), m_heap.end(), order);
    if (m_heap.back().diagnostic.severity == Severity::error) --m_kept_errors;
    m_heap.pop_back();
  }
  if (diagnostic.severity == Severity::error) ++m_kept_errors;
  m_heap.push_back({std::move(diagnostic), sequence});
  std::push_heap(m_heap.begin(), m_heap.end(), order);
  m_sorted_stale = true;
}

const std::vector<Diagnostic>& Diagnostics::items() const {
  if (m_sorted_stale) {
    auto kept = m_heap;
    std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) {
      return before(a.diagnostic, a.sequence, b.diagnostic, b.sequence);
    });
    m_sorted.clear();
    for (auto& k : kept)
      m_sorted.push_back(std::move(k.diagnostic));
    m_sorted_stale = false;
  }
  return m_sorted;
}

std::size_t Diagnostics::omitted_errors() const noexcept {
  return m_error_count - m_kept_errors;
}

std::size_t Diagnostics::omitted_warnings() const noexcept {
  return m_warning_count - (m_heap.size() - m_kept_errors);
}

std::string format_omitted(const Diagnostics& diagnostics) {
  auto errors = diagnostics.omitted_errors();
  auto warnings = diagnostics.omitted_warnings();
  if (errors == 0 && warnings == 0) return "";
  std::string out = "... and ";
  if (errors > 0) out += count_of(errors, "error");
  if (errors > 0 && warnings > 0) out += " and ";
  if (warnings > 0) out += count_of(warnings, "warning");
  return out;
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

std::string excerpt(std::string_view text) {
  constexpr std::size_t k_max = 64;
  constexpr std::size_t k_kept = 60;
  if (text.size() <= k_max) return std::string(text);
  std::size_t end = k_kept;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)
    --end;  // do not cut a UTF-8 character in two
  return std::string(text.substr(0, end)) + "...";
}

}  // namespace roster::core
