#pragma once
// Properties every harness checks beyond "does not crash": a broken one aborts, which
// libFuzzer reports as a crash with the input that caused it.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>

#include "roster/core/diagnostic.hpp"

namespace roster::fuzz {

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

[[noreturn]] inline void fail(const char* what, std::string_view detail = {}) {
  std::cerr << "fuzz property broken: " << what << ": " << detail << std::endl;
  std::abort();
}

inline void check(bool ok, const char* what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

/// Diagnostics about `text` (read as `file`): one line each, not empty, located inside
/// the text (a line at most one past the last), and errors exactly when `has_errors`.
inline void check_diagnostics(const core::Diagnostics& diagnostics, std::string_view text,
                              const std::string& file) {
  std::size_t lines = 1;  // an upper bound: CR, LF and CRLF all end lines in some inputs
  for (char c : text)
    lines += c == '\n' || c == '\r' ? 1 : 0;
  std::size_t errors = 0;
  for (const auto& d : diagnostics.items()) {
    errors += d.severity == core::Severity::error ? 1 : 0;
    const std::string shown = core::format_diagnostic(d);
    check(!d.message.empty(), "empty diagnostic message", shown);
    check(d.message.find('\n') == std::string::npos, "diagnostic spans lines", shown);
    if (d.location.file != file) continue;
    check(d.location.line >= 1 && d.location.line <= lines + 1, "line outside the input", shown);
    check(d.location.column >= 1, "column before the line", shown);
  }
  check(errors == diagnostics.error_count(), "error count disagrees with the errors listed");
}

}  // namespace roster::fuzz
