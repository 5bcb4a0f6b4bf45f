#include "yaml_entries.hpp"

#include <yaml-cpp/yaml.h>

#include "yaml_text.hpp"

namespace roster::render {

namespace {

// A member goes on one line (`  - {email: …}`) when it fits in this many columns.
constexpr std::size_t k_line_width = 100;
constexpr std::size_t k_entry_indent = 4;

void write_remove(YAML::Emitter& out, const model::RemoveOptions& remove) {
  const model::RemoveOptions defaults;
  if (remove.wipe_data == defaults.wipe_data && remove.keep_account == defaults.keep_account &&
      remove.retain_team_shares == defaults.retain_team_shares && remove.transfer_to.empty() &&
      remove.transfer_admin.empty()) {
    return;
  }
  out << YAML::Key << "remove" << YAML::Value << YAML::BeginMap;
  if (remove.wipe_data) out << YAML::Key << "wipe_data" << YAML::Value << true;
  if (remove.keep_account) out << YAML::Key << "keep_account" << YAML::Value << true;
  if (remove.retain_team_shares) out << YAML::Key << "retain_team_shares" << YAML::Value << true;
  if (!remove.transfer_to.empty()) write_yaml_string_entry(out, "transfer_to", remove.transfer_to);
  if (!remove.transfer_admin.empty()) {
    write_yaml_string_entry(out, "transfer_admin", remove.transfer_admin);
  }
  out << YAML::EndMap;
}

void write_space_limit(YAML::Emitter& out, const model::SpaceLimit& limit) {
  out << YAML::Key << "space_limit" << YAML::Value;
  if (limit.team_default) {
    out << "team_default";
  } else {
    out << limit.gb;
  }
}

void write_member_access(YAML::Emitter& out, const model::DesiredMember& m,
                         const MemberDefaults& defaults) {
  if (m.role && !role_from_defaults(m, defaults)) {
    out << YAML::Key << "role" << YAML::Value << model::to_string(*m.role);
  }
  if (m.secondary_emails) {
    out << YAML::Key << "secondary_emails" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& email : *m.secondary_emails)
      write_yaml_string(out, email);
    out << YAML::EndSeq;
  }
  if (m.space_limit && !space_limit_from_defaults(m, defaults)) {
    write_space_limit(out, *m.space_limit);
  }
}

void write_member_map(YAML::Emitter& out, const model::DesiredMember& m,
                      const MemberDefaults& defaults) {
  out << YAML::BeginMap;
  write_yaml_string_entry(out, "email", m.email);
  if (m.given_name) write_yaml_string_entry(out, "given_name", *m.given_name);
  if (m.surname) write_yaml_string_entry(out, "surname", *m.surname);
  if (m.external_id) write_yaml_string_entry(out, "external_id", *m.external_id);
  if (m.state != model::DesiredState::active) {
    out << YAML::Key << "state" << YAML::Value << model::to_string(m.state);
  }
  if (!m.send_welcome_email) out << YAML::Key << "send_welcome_email" << YAML::Value << false;
  if (m.suspend.wipe_data) {
    out << YAML::Key << "suspend" << YAML::Value << YAML::BeginMap << YAML::Key << "wipe_data"
        << YAML::Value << true << YAML::EndMap;
  }
  write_remove(out, m.remove);
  write_member_access(out, m, defaults);
  out << YAML::EndMap;
}

void write_member(YAML::Emitter& out, const model::DesiredMember& m,
                  const MemberDefaults& defaults) {
  // yaml-cpp checks every plain scalar with a slow regex (decision 0046): a line that
  // fits is written as it came out of the trial, not emitted twice.
  YAML::Emitter line;
  line << YAML::Flow;
  write_member_map(line, m, defaults);
  if (k_entry_indent + line.size() <= k_line_width) {
    write_yaml_verbatim(out, std::string(line.c_str(), line.size()));
  } else {
    write_member_map(out, m, defaults);
  }
}

void write_group(YAML::Emitter& out, const model::DesiredGroup& g) {
  out << YAML::BeginMap;
  write_yaml_string_entry(out, "name", g.name);
  if (g.external_id) write_yaml_string_entry(out, "external_id", *g.external_id);
  if (g.management != model::GroupManagement::company_managed) {
    out << YAML::Key << "management_type" << YAML::Value << model::to_string(g.management);
  }
  out << YAML::Key << "members" << YAML::Value;
  if (g.members.empty()) out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const auto& m : g.members) {
    if (m.access == model::GroupAccess::member) {
      write_yaml_string(out, m.email);
    } else {
      out << YAML::Flow << YAML::BeginMap;
      write_yaml_string_entry(out, "email", m.email);
      out << YAML::Key << "access" << YAML::Value << model::to_string(m.access) << YAML::EndMap;
    }
  }
  out << YAML::EndSeq << YAML::EndMap;
}

}  // namespace

void write_members_yaml(YAML::Emitter& out, const std::vector<model::DesiredMember>& members,
                        const MemberDefaults& defaults) {
  out << YAML::Key << "members" << YAML::Value;
  if (members.empty()) out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const auto& m : members)
    write_member(out, m, defaults);
  out << YAML::EndSeq;
}

void write_groups_yaml(YAML::Emitter& out, const model::DesiredTeam& team) {
  if (!team.manages_groups) return;
  out << YAML::Key << "groups" << YAML::Value;
  if (team.groups.empty()) out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const auto& g : team.groups)
    write_group(out, g);
  out << YAML::EndSeq;
}

}  // namespace roster::render
