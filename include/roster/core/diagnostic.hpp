#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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
/// All are counted; the first k_max_kept by position are kept, so that an input with a
/// million problems costs neither a million messages nor their memory.
class Diagnostics {
 public:
  static constexpr std::size_t k_max_kept = 100;

  /// Control characters in `message` (a quoted user value's line break or escape
  /// sequence) are escaped as `\n`, `\r`, `\t` or `\xNN`: a message is one printable line.
  void error(SourceLocation location, std::string message);
  void warning(SourceLocation location, std::string message);
  void append(const Diagnostics& other);

  [[nodiscard]] bool has_errors() const noexcept { return m_error_count > 0; }
  [[nodiscard]] std::size_t error_count() const noexcept { return m_error_count; }
  [[nodiscard]] std::size_t warning_count() const noexcept { return m_warning_count; }
  [[nodiscard]] bool empty() const noexcept { return m_error_count + m_warning_count == 0; }

  /// The kept diagnostics ordered by file, line and column (stable): deterministic output.
  [[nodiscard]] const std::vector<Diagnostic>& items() const;
  /// Errors and warnings counted but not kept.
  [[nodiscard]] std::size_t omitted_errors() const noexcept;
  [[nodiscard]] std::size_t omitted_warnings() const noexcept;

 private:
  struct Kept {
    Diagnostic diagnostic;
    std::uint64_t sequence = 0;  // insertion order, for a stable order at equal positions
  };
  void add(Diagnostic diagnostic);

  std::vector<Kept> m_heap;  // a max-heap by position: the first to drop is on top
  mutable std::vector<Diagnostic> m_sorted;
  mutable bool m_sorted_stale = false;
  std::uint64_t m_sequence = 0;
  std::size_t m_error_count = 0;
  std::size_t m_warning_count = 0;
  std::size_t m_kept_errors = 0;
};

/// "... and 3 more errors" (and warnings) for what `diagnostics` counted but did not
/// keep; empty when nothing was left out. Every view prints it after the kept ones.
[[nodiscard]] std::string format_omitted(const Diagnostics& diagnostics);

/// `file:line:col: error: message` (file/line parts left out when unknown).
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic);

/// `text` for quoting in a message: itself when at most 64 bytes, else its first 60
/// bytes (whole UTF-8 characters) and "...", so that no input makes a message long.
[[nodiscard]] std::string excerpt(std::string_view text);

}  // namespace roster::core
