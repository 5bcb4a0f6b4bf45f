// The candidate parsers, each decoding a snapshot's members into model::ObservedMember.
#pragma once

#include <string>
#include <string_view>

#include "member_events.hpp"

namespace bench_json {

/// nlohmann-json's SAX interface (sax_parse).
[[nodiscard]] Parsed parse_nlohmann(std::string_view text);
/// RapidJSON's SAX Reader on the text in memory.
[[nodiscard]] Parsed parse_rapidjson(std::string_view text);
/// RapidJSON's SAX Reader on the file through a 64 KiB buffer: the text is never held whole.
[[nodiscard]] Parsed parse_rapidjson_file(const std::string& path);

}  // namespace bench_json
