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

// Takes the snapshot's keys as core::json hands them over, members one at a time.
// Problems are reported in document order: the cursor keeps each lookup incremental.
class SnapshotMembers final : public json::RootMembers {
 public:
  SnapshotMembers(std::string_view text, const std::string& name, LoadedSnapshot& result)
      : m_cursor(text), m_name(name), m_result(result) {}

  json::Take key(const std::string& key) override {
    if (key == "snapshot_format" || SnapshotAccess::is_access_key(key) || is_team_fact(key)) {
      return json::Take::value;
    }
    if (key != "members") return json::Take::skip;
    has_members = true;
    m_index = 0;
    return json::Take::elements;
  }
  bool value(const std::string& key, json::Value value) override {
    if (key == "snapshot_format") {
      auto problem = check_format(value);
      m_result.has_snapshot_format = problem.empty();
      if (problem.empty()) return true;
      error(value.offset(), std::move(problem));
      return false;  // another format: nothing else in it is read
    }
    if (key == "members") {
      error(value.offset(), "\"members\" must be a list of TeamMemberInfoV2 objects");
      return false;
    }
    DecodeError decode_error;
    const bool ok = SnapshotAccess::is_access_key(key)
                        ? access.decode(key, value, decode_error)
                        : decode_team_fact(key, value, m_result.team, decode_error);
    if (!ok) error(decode_error.offset, decode_error.message);
    return true;
  }
  bool element(json::Value element) override {
    DecodeError decode_error;
    auto member =
        decode_member_info(element, "members[" + std::to_string(m_index++) + "]", decode_error);
    if (member) {
      m_result.team.members.push_back(std::move(*member));
    } else {
      error(decode_error.offset, decode_error.message);
    }
    return true;
  }
  void error(std::size_t offset, std::string message) {
    auto p = m_cursor.at(offset);
    m_result.diagnostics.error({m_name, p.line, p.column}, std::move(message));
  }

  bool has_members = false;
  SnapshotAccess access;

 private:
  core::TextCursor m_cursor;
  const std::string& m_name;
  LoadedSnapshot& m_result;
  std::size_t m_index = 0;
};

}  // namespace

LoadedSnapshot read_snapshot_text(std::string_view text, const std::string& name) {
  LoadedSnapshot result;
  SnapshotMembers members(text, name, result);
  const auto read = json::read_root_members(text, members);
  using Status = json::RootResult::Status;
  if (read.status == Status::not_an_object) {
    members.error(read.failure.offset, "a snapshot must be a JSON object {\"members\": [...]}");
  } else if (read.status == Status::malformed) {
    members.error(read.failure.offset, "malformed JSON: " + read.failure.message);
  }
  if (read.status != Status::done) return result;
  if (!members.has_members) {
    result.diagnostics.error({name, 1, 1}, "a snapshot must have a \"members\" list");
  }
  if (DecodeError error;
      !result.diagnostics.has_errors() && !members.access.apply(result.team, error)) {
    members.error(error.offset, error.message);
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
