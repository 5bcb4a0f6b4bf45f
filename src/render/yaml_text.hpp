#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace YAML {
class Emitter;
}

namespace roster::render {

/// Writes `text` as one string scalar that libyaml (the manifest reader) reads back byte
/// for byte. yaml-cpp picks plain or double-quoted style; roster forces double quotes
/// where yaml-cpp's plain style would read back as something else: a bool, number or
/// null to YAML readers, or a leading `:`; and escapes where yaml-cpp would write raw
/// what libyaml reads as a line break or rejects (decision 0046).
void write_yaml_string(YAML::Emitter& out, std::string_view text);

/// `text`, which yaml-cpp wrote as one node in another emitter, as the next node of `out`.
void write_yaml_verbatim(YAML::Emitter& out, std::string text);

/// `key: text` in the current mapping, `text` as write_yaml_string writes it.
void write_yaml_string_entry(YAML::Emitter& out, const char* key, std::string_view text);

/// `# header` comment lines, one per line of `header` (split at every line break YAML
/// knows); none when `header` is empty. Characters a YAML file may not hold raw become
/// U+FFFD: a comment has no escapes.
void write_yaml_header(YAML::Emitter& out, std::string_view header);

/// Ends a document written by `out` into `stream` with a newline. A malformed document
/// is a bug in the writer: throws std::logic_error with yaml-cpp's message.
void finish_yaml_document(const YAML::Emitter& out, std::ostream& stream);

}  // namespace roster::render
