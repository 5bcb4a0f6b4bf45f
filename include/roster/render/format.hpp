#pragma once

#include <optional>
#include <string_view>

namespace roster::render {

/// The interchangeable views of roster's values, chosen in one place (`--format`).
enum class Format { human, json, markdown, html };

/// Parses "human", "json", "markdown" or "html" (the audit report page; `show` only).
[[nodiscard]] std::optional<Format> parse_format(std::string_view name);

/// How human output may look; decided by the CLI (TTY, NO_COLOR), never by a renderer.
struct Style {
  bool color = false;
};

}  // namespace roster::render
