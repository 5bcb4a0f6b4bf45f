// The `members:` list of a manifest file: one DesiredMember per entry, defaults applied.
#include "manifest_builder.hpp"
#include "roster/model/email.hpp"

namespace roster::manifest {

namespace {

constexpr std::string_view k_forbidden_hint = "(/ : ? * < > \" |)";

// Checks given_name / surname against common.OptionalNamePart.
bool check_name(NodeReader& reader, std::uint32_t node, const std::string& name,
                std::string_view what) {
  auto length = model::utf8_length(name);
  if (length > model::k_max_name_length) {
    reader.error(node, std::string(what) + " is " + std::to_string(length) +
                           " characters long; Dropbox allows at most 50");
    return false;
  }
  auto bad = name.find_first_of(model::k_name_forbidden_chars);
  if (bad != std::string::npos) {
    reader.error(node, std::string(what) + " contains \"" + name[bad] +
                           "\", which Dropbox does not allow in names " +
                           std::string(k_forbidden_hint));
    return false;
  }
  return true;
}

}  // namespace

void ManifestBuilder::read_members(File& file, std::uint32_t file_index, model::DesiredTeam& team) {
  if (file.members == YamlNode::k_none) return;
  NodeReader reader = reader_for(file);
  if (reader.is_null(file.members)) return;  // `members:` left empty declares none
  reader.for_each_element(file.members, "members", [&](std::uint32_t element) {
    read_member(reader, element, file_index, team);
  });
}

void ManifestBuilder::read_member(NodeReader& reader, std::uint32_t node, std::uint32_t file_index,
                                  model::DesiredTeam& team) {
  model::DesiredMember member;
  member.location = reader.where(node);
  member.send_welcome_email = team.default_send_welcome_email;
  member.suspend = team.default_suspend;
  member.remove = team.default_remove;
  MemberMarks marks;
  bool has_email = false;
  bool ok = true;
  std::uint32_t remove_node = YamlNode::k_none;

  auto read_optional_string = [&](std::uint32_t value, const char* what,
                                  std::optional<std::string>& out) {
    if (reader.is_null(value)) return;
    if (auto text = reader.read_string(value, what)) {
      out = std::move(*text);
    } else {
      ok = false;
    }
  };

  bool is_mapping = reader.for_each_entry(
      node, "member",
      {"email", "given_name", "surname", "external_id", "state", "send_welcome_email", "suspend",
       "remove", "role", "groups", "secondary_emails", "space_limit", "reinvite"},
      [&](std::string_view key, std::uint32_t, std::uint32_t value) {
        if (key == "email") {
          has_email = true;
          if (auto email = read_email(reader, value, "email")) {
            member.email = *email;
            marks.email = mark(reader, value, file_index);
          } else {
            ok = false;
          }
        } else if (key == "given_name" || key == "surname") {
          auto& field = key == "given_name" ? member.given_name : member.surname;
          read_optional_string(value, key == "given_name" ? "given_name" : "surname", field);
          if (field && !check_name(reader, value, *field, key)) ok = false;
        } else if (key == "external_id") {
          read_optional_string(value, "external_id", member.external_id);
          if (!member.external_id) return;
          auto length = model::utf8_length(*member.external_id);
          if (member.external_id->empty()) {
            reader.error(value, "external_id must not be empty (leave the key out instead)");
            ok = false;
          } else if (length > model::k_max_external_id_length) {
            reader.error(value, "external_id is " + std::to_string(length) +
                                    " characters long; Dropbox allows at most 64");
            ok = false;
          } else {
            marks.external_id = mark(reader, value, file_index);
          }
        } else if (key == "state") {
          auto text = reader.read_string(value, "state");
          if (!text) {
            ok = false;
          } else if (auto state = model::desired_state_from_string(*text)) {
            member.state = *state;
          } else {
            reader.error(value, "unknown state \"" + core::excerpt(*text) + "\" (expected " +
                                    model::desired_state_choices() + ")");
            ok = false;
          }
          marks.state = mark(reader, value, file_index);
        } else if (key == "send_welcome_email") {
          if (auto flag = reader.read_bool(value, "send_welcome_email")) {
            member.send_welcome_email = *flag;
          } else {
            ok = false;
          }
        } else if (key == "reinvite") {
          if (auto flag = reader.read_bool(value, "reinvite")) {
            member.reinvite = *flag;
          } else {
            ok = false;
          }
        } else if (key == "suspend") {
          reader.for_each_entry(value, "suspend", {"wipe_data"},
                                [&](std::string_view, std::uint32_t, std::uint32_t v) {
                                  if (auto flag = reader.read_bool(v, "suspend.wipe_data")) {
                                    member.suspend.wipe_data = *flag;
                                  }
                                });
        } else if (key != "remove") {
          read_member_access(reader, key, value, file_index, member, marks);
        } else {
          auto errors = m_diagnostics.error_count();
          read_remove(reader, value, "remove", file_index, member.remove, marks.remove);
          if (m_diagnostics.error_count() == errors) remove_node = value;
        }
      });
  if (!is_mapping) return;
  if (!has_email) {
    reader.error(node, "member has no \"email\"");
    return;
  }
  if (remove_node != YamlNode::k_none) {
    // Per-member overrides merge with defaults.remove; check the merged result here.
    check_remove_options(member.remove, reader.where(remove_node), "remove");
  }
  if (!ok || member.email.empty()) return;
  finish_member_access(member, marks);
  team.members.push_back(std::move(member));
  m_member_marks.push_back(marks);
}

}  // namespace roster::manifest
