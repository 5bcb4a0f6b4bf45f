#include "roster/dropbox/snapshot.hpp"

#include "dropbox/wire/snapshot_access.hpp"
#include "roster/core/file.hpp"
#include "roster/core/text_position.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/dropbox/take_snapshot.hpp"
#include "roster/dropbox/team_codec.hpp"
#include "roster/model/roles.hpp"

namespace roster::dropbox {

namespace json = core::json;

namespace {

// The team's facts a snapshot may carry beside its members, each exactly as Dropbox
// answers the route: `team_info` (team/get_info), `authenticated_admin`
// (team/token/get_authenticated_admin), `available_roles`
// (members/get_available_team_member_roles). False for other keys.
bool is_team_fact(const std::string& key) {
  return key == "team_info" || key == "authenticated_admin" || key == "available_roles";
}

bool decode_team_fact(const std::string& key, const json::Value& value, model::ObservedTeam& team,
                      DecodeError& error) {
  if (key == "team_info") {
    auto info = decode_team_info(value, key, error);
    if (!info) return false;
    team.team_name = info->name;
    team.team_id = info->team_id;
    team.licenses = license_counts(*info);
  } else if (key == "authenticated_admin") {
    auto admin = decode_authenticated_admin(value, key, error);
    if (!admin) return false;
    team.authenticated_admin_email = admin->email;
    team.authenticated_admin_id = admin->team_member_id;
  } else {
    auto roles = decode_available_roles(value, key, error);
    if (!roles) return false;
    team.available_roles = std::move(*roles);
  }
  return true;
}

// A snapshot written by `roster snapshot` says which format it is in; a hand-made one
// (no key) is read as before. "" when `value` is the format this roster reads.
std::string check_format(const json::Value& value) {
  if (value.is_number() && value.as_number() == k_snapshot_format) return "";
  std::string text;
  json::Writer(text).value(value);
  return "unsupported snapshot_format " + core::excerpt(text) + "; this roster reads " +
         std::to_string(k_snapshot_format);
}

}  // namespace

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
  SnapshotAccess access;
  std::string key;
  while (reader.next_member(key)) {
    if (key == "snapshot_format") {
      json::Value value;
      if (!reader.read_value(value)) break;
      if (auto problem = check_format(value); !problem.empty()) {
        result.diagnostics.error(locate(value.offset()), problem);
        return result;
      }
      result.has_snapshot_format = true;
      continue;
    }
    if (SnapshotAccess::is_access_key(key)) {
      json::Value value;
      if (!reader.read_value(value)) break;
      DecodeError error;
      if (!access.decode(key, value, error))
        result.diagnostics.error(locate(error.offset), error.message);
      continue;
    }
    if (is_team_fact(key)) {
      json::Value value;
      if (!reader.read_value(value)) break;
      DecodeError error;
      if (!decode_team_fact(key, value, result.team, error)) {
        result.diagnostics.error(locate(error.offset), error.message);
      }
      continue;
    }
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
  if (DecodeError error; !result.diagnostics.has_errors() && !access.apply(result.team, error)) {
    result.diagnostics.error(locate(error.offset), error.message);
  }
  model::recognise_roles(result.team);
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
