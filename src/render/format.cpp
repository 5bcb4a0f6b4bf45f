#include "roster/render/format.hpp"

namespace roster::render {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "human") return Format::human;
  if (name == "json") return Format::json;
  if (name == "markdown") return Format::markdown;
  if (name == "html") return Format::html;
  return std::nullopt;
}

}  // namespace roster::render
