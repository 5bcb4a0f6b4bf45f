#include "roster/dropbox/snapshot.hpp"

#include "roster/core/file.hpp"
#include "roster/core/text_position.hpp"
#include "roster/dropbox/member_codec.hpp"

namespace roster::dropbox {

namespace json = core::json;

LoadedSnapshot read_snapshot_text(std::string_view text, const std::string& name) {
  LoadedSnapshot result;
  json::Reader reader(text);
  // Problems are reported in document order: the cursor keeps each lookup incremental.
  core::TextCursor cursor(text);
  auto locate = [&](std::size_t offset) -> core::SourceLocation {
    auto p = cursor.at(offset);
    return {name, p.line, p.column};
  };
  auto syntax_error = [&] {
    result.diagnostics.error(locate(reader.error_offset()), "malformed JSON: " + reader.error());
  };
  if (reader.peek() != '{') {
    result.diagnostics.error(locate(reader.offset()),
                             "a snapshot must be a JSON object {\"members\": [...]}");
    return result;
  }
  reader.enter_object();
  bool has_members = false;
  std::string key;
  while (reader.next_member(key)) {
    if (key != "members") {
      if (!reader.skip_value()) break;
      continue;
    }
    has_members = true;
    if (reader.peek() != '[') {
      result.diagnostics.error(locate(reader.offset()),
                               "\"members\" must be a list of TeamMemberInfoV2 objects");
      return result;
    }
    reader.enter_array();
    std::size_t index = 0;
    while (reader.next_element()) {
      json::Value element;
      if (!reader.read_value(element)) break;
      DecodeError error;
      auto member = decode_member_info(element, "members[" + std::to_string(index++) + "]", error);
      if (member) {
        result.team.members.push_back(std::move(*member));
      } else {
        result.diagnostics.error(locate(error.offset), error.message);
      }
    }
  }
  if (reader.failed() || !reader.finish()) {
    syntax_error();
    return result;
  }
  if (!has_members) {
    result.diagnostics.error({name, 1, 1}, "a snapshot must have a \"members\" list");
  }
  return result;
}

LoadedSnapshot read_snapshot(const std::string& path) {
  auto text = core::read_file(path);
  if (!text) {
    LoadedSnapshot result;
    result.diagnostics.error({path, 0, 0}, "cannot read snapshot: " + text.error().message);
    return result;
  }
  return read_snapshot_text(*text, path);
}

}  // namespace roster::dropbox
