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

/// Diagnostics about `text` (read as `file`): one line each without control characters
/// (user values quoted in them are escaped), not empty, located inside the text (a line at
/// most one past the last), and consistent with the error count.
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
    for (char c : d.message) {
      const auto byte = static_cast<unsigned char>(c);
      check(byte >= 0x20 && byte != 0x7F, "control character in a diagnostic", shown);
    }
    if (d.location.file != file) continue;
    check(d.location.line >= 1 && d.location.line <= lines + 1, "line outside the input", shown);
    check(d.location.column >= 1, "column before the line", shown);
  }
  // Readers may keep only the first problems of a flood, but never list more than counted.
  check(errors <= diagnostics.error_count(), "more errors listed than counted");
  check(errors == 0 || diagnostics.has_errors(), "errors listed but none counted");
}

}  // namespace roster::fuzz
