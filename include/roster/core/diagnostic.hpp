#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace roster::core {

/// A place in an input file; line and column count from 1. An empty `file` means
/// the diagnostic is not tied to a file (a command-line problem, say).
struct SourceLocation {
  std::string file;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

enum class Severity { error, warning };

/// One problem found in user input, reported as `file:line:col: error: message`.
struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation location;
  std::string message;  // one line, lower-case start, no trailing period
};

/// Every problem found in an input: validation collects them all instead of stopping.
class Diagnostics {
 public:
  /// Control characters in `message` (a quoted user value's line break or escape
  /// sequence) are escaped as `\n`, `\r`, `\t` or `\xNN`: a message is one printable line.
  void error(SourceLocation location, std::string message);
  void warning(SourceLocation location, std::string message);
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const noexcept { return m_error_count > 0; }
  [[nodiscard]] std::size_t error_count() const noexcept { return m_error_count; }
  [[nodiscard]] bool empty() const noexcept { return m_items.empty(); }
  [[nodiscard]] const std::vector<Diagnostic>& items() const noexcept { return m_items; }

  /// Orders by file, line, column (stable), so output is deterministic.
  void sort();

 private:
  std::vector<Diagnostic> m_items;
  std::size_t m_error_count = 0;
};

/// `file:line:col: error: message` (file/line parts left out when unknown).
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

}  // namespace roster::core
