#include "roster/render/format.hpp"

namespace roster::render {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "human") return Format::human;
  if (name == "json") return Format::json;
  if (name == "markdown") return Format::markdown;
  return std::nullopt;
}

}  // namespace roster::render
