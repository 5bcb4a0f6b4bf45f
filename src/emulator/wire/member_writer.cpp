#include "wire/member_writer.hpp"

#include <cctype>
#include <iterator>

#include <fmt/format.h>

#include "store/roles.hpp"
#include "store/timestamp.hpp"
#include "wire/member_json.hpp"

namespace roster::emulator {

namespace {

void key(std::string& out, std::string_view name) {
  out += '"';
  out += name;
  out += "\":";
}

void string_field(std::string& out, std::string_view name, std::string_view value) {
  key(out, name);
  append_json_string(out, value);
  out += ',';
}

void append_name(std::string& out, const Member& member) {
  std::string display = member.given_name;
  if (!member.surname.empty()) display += (display.empty() ? "" : " ") + member.surname;
  if (display.empty()) display = member.email.substr(0, member.email.find('@'));
  std::string initials;
  for (const auto* part : {&member.given_name, &member.surname}) {
    if (!part->empty()) {
      initials += static_cast<char>(std::toupper(static_cast<unsigned char>((*part)[0])));
    }
  }
  out += '{';
  string_field(out, "given_name", member.given_name);
  string_field(out, "surname", member.surname);
  string_field(out, "familiar_name", member.given_name.empty() ? display : member.given_name);
  string_field(out, "display_name", display);
  key(out, "abbreviated_name");
  append_json_string(out, initials);
  out += '}';
}

// "secondary_emails":[{"email":...,"is_verified":...},...], (omitted when there are none)
void append_secondary_emails(std::string& out, const std::vector<SecondaryEmail>& emails) {
  key(out, "secondary_emails");
  out += '[';
  for (std::size_t i = 0; i < emails.size(); ++i) {
    out += i == 0 ? "{" : ",{";
    string_field(out, "email", emails[i].email);
    key(out, "is_verified");
    out += emails[i].verified ? "true}" : "false}";
  }
  out += "],";
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<unsigned>(c));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_roles(std::string& out, const TeamInfo& info, const std::string& role_id) {
  const auto* role = find_role_by_id(info, role_id);
  if (role == nullptr) {
    out += "[]";
    return;
  }
  out += "[{";
  string_field(out, "role_id", role->role_id);
  string_field(out, "name", role->name);
  key(out, "description");
  append_json_string(out, role->description);
  out += "}]";
}

void append_profile(std::string& out, const TeamStore& store, std::size_t index, UnixSeconds now,
                    bool with_team_fields) {
  const auto& member = store.member(index);
  out += '{';
  string_field(out, "team_member_id", member.team_member_id);
  if (member.external_id) string_field(out, "external_id", *member.external_id);
  string_field(out, "account_id", member.account_id);
  string_field(out, "email", member.email);
  key(out, "email_verified");
  out += member.email_verified ? "true," : "false,";
  if (!member.secondary_emails.empty()) append_secondary_emails(out, member.secondary_emails);
  key(out, "status");
  out += "{\".tag\":\"";
  out += status_tag(member.status);
  out += '"';
  if (member.status == MemberStatus::removed) {
    out += TeamStore::is_recoverable(member, now) ? ",\"is_recoverable\":true"
                                                  : ",\"is_recoverable\":false";
    out += member.is_disconnected ? ",\"is_disconnected\":true" : ",\"is_disconnected\":false";
  }
  out += "},";
  key(out, "name");
  append_name(out, member);
  out += member.limited ? ",\"membership_type\":{\".tag\":\"limited\"}"
                        : ",\"membership_type\":{\".tag\":\"full\"}";
  if (member.status == MemberStatus::invited && member.invited_on != 0) {
    out += ',';
    string_field(out, "invited_on", format_timestamp(member.invited_on));
    out.pop_back();
  }
  if (member.joined_on != 0) {
    out += ',';
    string_field(out, "joined_on", format_timestamp(member.joined_on));
    out.pop_back();
  }
  if (member.status == MemberStatus::suspended && member.suspended_on != 0) {
    out += ',';
    string_field(out, "suspended_on", format_timestamp(member.suspended_on));
    out.pop_back();
  }
  if (member.persistent_id) {
    out += ',';
    string_field(out, "persistent_id", *member.persistent_id);
    out.pop_back();
  }
  if (with_team_fields) {
    out += ",\"groups\":[";
    for (std::size_t i = 0; i < member.groups.size(); ++i) {
      if (i != 0) out += ',';
      append_json_string(out, store.group(member.groups[i]).group_id);
    }
    out += "],";
    string_field(out, "member_folder_id", member.member_folder_id);
    key(out, "root_folder_id");
    append_json_string(out, member.root_folder_id);
  }
  out += '}';
}

void append_member_info_v2(std::string& out, const TeamStore& store, std::size_t index,
                           UnixSeconds now, std::string_view tag) {
  out += '{';
  if (!tag.empty()) string_field(out, ".tag", tag);
  key(out, "profile");
  append_profile(out, store, index, now, true);
  out += ",\"roles\":";
  append_roles(out, store.state().info, store.member(index).role_id);
  out += '}';
}

}  // namespace roster::emulator
