#include "yaml_text.hpp"

#include <cstdio>

#include "roster/core/json.hpp"

namespace roster::render {

std::string yaml_quote(std::string_view text) {
  std::string json = core::json::quote(text);
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    auto c = static_cast<unsigned char>(json[i]);
    auto next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0;
    auto third = i + 2 < json.size() ? static_cast<unsigned char>(json[i + 2]) : 0;
    char escape[16];
    if (c == 0x7F) {
      out += "\\x7F";
    } else if (c == 0xC2 && next >= 0x80 && next <= 0x9F) {  // C1 controls, NEL
      std::snprintf(escape, sizeof escape, "\\u%04X", next);
      out += escape;
      ++i;
    } else if (c == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9)) {  // LS, PS
      out += third == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else if (c == 0xEF && next == 0xBB && third == 0xBF) {  // BOM / ZWNBSP
      out += "\\uFEFF";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void write_yaml_header(const std::string& header, std::ostream& out) {
  std::string_view rest = header;
  while (!rest.empty()) {
    auto end = rest.find_first_of("\r\n");
    out << "# " << rest.substr(0, end) << "\n";
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
}

namespace {

void write_remove(const model::RemoveOptions& remove, std::ostream& out) {
  const model::RemoveOptions defaults;
  if (remove.wipe_data == defaults.wipe_data && remove.keep_account == defaults.keep_account &&
      remove.retain_team_shares == defaults.retain_team_shares && remove.transfer_to.empty() &&
      remove.transfer_admin.empty()) {
    return;
  }
  out << "    remove:\n";
  if (remove.wipe_data) out << "      wipe_data: true\n";
  if (remove.keep_account) out << "      keep_account: true\n";
  if (remove.retain_team_shares) out << "      retain_team_shares: true\n";
  if (!remove.transfer_to.empty())
    out << "      transfer_to: " << yaml_quote(remove.transfer_to) << "\n";
  if (!remove.transfer_admin.empty()) {
    out << "      transfer_admin: " << yaml_quote(remove.transfer_admin) << "\n";
  }
}

void write_space_limit(const model::SpaceLimit& limit, std::ostream& out) {
  if (limit.team_default) {
    out << "team_default";
  } else {
    out << limit.gb;
  }
}

void write_member_access(const model::DesiredMember& m, const MemberDefaults& defaults,
                         std::ostream& out) {
  if (m.role && !role_from_defaults(m, defaults)) {
    out << "    role: " << model::to_string(*m.role) << "\n";
  }
  if (m.secondary_emails) {
    out << "    secondary_emails: [";
    const char* separator = "";
    for (const auto& email : *m.secondary_emails) {
      out << separator << yaml_quote(email);
      separator = ", ";
    }
    out << "]\n";
  }
  if (m.space_limit && !space_limit_from_defaults(m, defaults)) {
    out << "    space_limit: ";
    write_space_limit(*m.space_limit, out);
    out << "\n";
  }
}

}  // namespace

MemberDefaults member_defaults(const std::vector<model::DesiredMember>& members) {
  bool any_active = false, all_roles = true;
  bool any_seat = false, all_limits = true;
  for (const auto& m : members) {
    if (m.state == model::DesiredState::removed) continue;
    any_seat = true;
    all_limits = all_limits && m.space_limit.has_value();
    if (m.state != model::DesiredState::active) continue;
    any_active = true;
    all_roles = all_roles && m.role.has_value();
  }
  MemberDefaults defaults;
  if (any_active && all_roles) defaults.role = model::Role::member_only;
  if (any_seat && all_limits) defaults.space_limit = model::SpaceLimit{true, 0};
  return defaults;
}

bool role_from_defaults(const model::DesiredMember& m, const MemberDefaults& defaults) {
  return defaults.role && m.state == model::DesiredState::active && m.role == defaults.role;
}

bool space_limit_from_defaults(const model::DesiredMember& m, const MemberDefaults& defaults) {
  return defaults.space_limit && m.state != model::DesiredState::removed &&
         m.space_limit == defaults.space_limit;
}

void write_groups_yaml(const model::DesiredTeam& team, std::ostream& out) {
  if (!team.manages_groups) return;
  out << "groups:" << (team.groups.empty() ? " []\n" : "\n");
  for (const auto& g : team.groups) {
    out << "  - name: " << yaml_quote(g.name) << "\n";
    if (g.external_id) out << "    external_id: " << yaml_quote(*g.external_id) << "\n";
    if (g.management != model::GroupManagement::company_managed) {
      out << "    management_type: " << model::to_string(g.management) << "\n";
    }
    out << "    members:" << (g.members.empty() ? " []\n" : "\n");
    for (const auto& m : g.members) {
      if (m.access == model::GroupAccess::member) {
        out << "      - " << yaml_quote(m.email) << "\n";
      } else {
        out << "      - {email: " << yaml_quote(m.email)
            << ", access: " << model::to_string(m.access) << "}\n";
      }
    }
  }
}

void write_member_yaml(const model::DesiredMember& m, std::ostream& out,
                       const MemberDefaults& defaults) {
  out << "  - email: " << yaml_quote(m.email) << "\n";
  if (m.given_name) out << "    given_name: " << yaml_quote(*m.given_name) << "\n";
  if (m.surname) out << "    surname: " << yaml_quote(*m.surname) << "\n";
  if (m.external_id) out << "    external_id: " << yaml_quote(*m.external_id) << "\n";
  if (m.state != model::DesiredState::active) {
    out << "    state: " << model::to_string(m.state) << "\n";
  }
  if (!m.send_welcome_email) out << "    send_welcome_email: false\n";
  if (m.suspend.wipe_data) out << "    suspend:\n      wipe_data: true\n";
  write_remove(m.remove, out);
  write_member_access(m, defaults, out);
}

}  // namespace roster::render
