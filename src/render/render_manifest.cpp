#include "roster/render/render_manifest.hpp"

#include <yaml-cpp/yaml.h>

#include "manifest_defaults.hpp"
#include "roster/core/json.hpp"
#include "yaml_entries.hpp"
#include "yaml_text.hpp"

namespace roster::render {

namespace {

void write_defaults_yaml(YAML::Emitter& out, const MemberDefaults& defaults) {
  if (!defaults.role && !defaults.space_limit) return;
  out << YAML::Key << "defaults" << YAML::Value << YAML::BeginMap;
  if (defaults.role) out << YAML::Key << "role" << YAML::Value << model::to_string(*defaults.role);
  if (defaults.space_limit) out << YAML::Key << "space_limit" << YAML::Value << "team_default";
  out << YAML::EndMap;
}

void write_policy_yaml(YAML::Emitter& out, const model::Policy& policy, bool manages_groups) {
  out << YAML::Key << "policy" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "unmanaged" << YAML::Value << model::to_string(policy.unmanaged);
  if (!policy.protected_emails.empty()) {
    out << YAML::Key << "protected" << YAML::Value << YAML::BeginSeq;
    for (const auto& e : policy.protected_emails)
      write_yaml_string(out, e);
    out << YAML::EndSeq;
  }
  if (manages_groups || policy.unmanaged_groups != model::UnmanagedGroupsPolicy::report) {
    out << YAML::Key << "unmanaged_groups" << YAML::Value
        << model::to_string(policy.unmanaged_groups);
  }
  if (policy.max_demotions)
    out << YAML::Key << "max_demotions" << YAML::Value << *policy.max_demotions;
  out << YAML::EndMap;
}

void write_space_limit_json(const model::SpaceLimit& limit, core::json::Writer& w) {
  if (limit.team_default) {
    w.string("team_default");
  } else {
    w.integer(limit.gb);
  }
}

void write_policy_json(const model::DesiredTeam& team, core::json::Writer& w) {
  const auto& policy = team.policy;
  w.key("policy").begin_object().key("unmanaged").string(model::to_string(policy.unmanaged));
  if (!policy.protected_emails.empty()) {
    w.key("protected").begin_array();
    for (const auto& e : policy.protected_emails)
      w.string(e);
    w.end_array();
  }
  if (team.manages_groups || policy.unmanaged_groups != model::UnmanagedGroupsPolicy::report) {
    w.key("unmanaged_groups").string(model::to_string(policy.unmanaged_groups));
  }
  if (policy.max_demotions) {
    w.key("max_demotions").integer(static_cast<std::int64_t>(*policy.max_demotions));
  }
  w.end_object();
}

void write_groups_json(const model::DesiredTeam& team, core::json::Writer& w) {
  if (!team.manages_groups) return;
  w.key("groups").begin_array();
  for (const auto& g : team.groups) {
    w.begin_object().key("name").string(g.name);
    if (g.external_id) w.key("external_id").string(*g.external_id);
    if (g.management != model::GroupManagement::company_managed) {
      w.key("management_type").string(model::to_string(g.management));
    }
    w.key("members").begin_array();
    for (const auto& m : g.members) {
      if (m.access == model::GroupAccess::member) {
        w.string(m.email);
      } else {
        w.begin_object().key("email").string(m.email);
        w.key("access").string(model::to_string(m.access)).end_object();
      }
    }
    w.end_array().end_object();
  }
  w.end_array();
}

void write_member_json(const model::DesiredMember& m, const MemberDefaults& defaults,
                       core::json::Writer& w) {
  w.begin_object().key("email").string(m.email);
  if (m.given_name) w.key("given_name").string(*m.given_name);
  if (m.surname) w.key("surname").string(*m.surname);
  if (m.external_id) w.key("external_id").string(*m.external_id);
  if (m.state != model::DesiredState::active) w.key("state").string(model::to_string(m.state));
  if (m.role && !role_from_defaults(m, defaults)) w.key("role").string(model::to_string(*m.role));
  if (m.secondary_emails) {
    w.key("secondary_emails").begin_array();
    for (const auto& e : *m.secondary_emails)
      w.string(e);
    w.end_array();
  }
  if (m.space_limit && !space_limit_from_defaults(m, defaults)) {
    w.key("space_limit");
    write_space_limit_json(*m.space_limit, w);
  }
  w.end_object();
}

}  // namespace

void render_manifest_yaml(const model::DesiredTeam& team, const std::string& header,
                          std::ostream& stream) {
  YAML::Emitter out(stream);
  write_yaml_header(out, header);
  out << YAML::BeginMap << YAML::Key << "version" << YAML::Value << 1;
  if (team.team_name) {
    out << YAML::Key << "team" << YAML::Value << YAML::BeginMap;
    write_yaml_string_entry(out, "name", *team.team_name);
    out << YAML::EndMap;
  }
  auto defaults = member_defaults(team.members);
  write_defaults_yaml(out, defaults);
  write_policy_yaml(out, team.policy, team.manages_groups);
  write_groups_yaml(out, team);
  write_members_yaml(out, team.members, defaults);
  out << YAML::EndMap;
  finish_yaml_document(out, stream);
}

void render_manifest_json(const model::DesiredTeam& team, std::ostream& out) {
  std::string text;
  core::json::Writer w(text, 2);
  w.begin_object().key("version").integer(1);
  if (team.team_name) w.key("team").begin_object().key("name").string(*team.team_name).end_object();
  auto defaults = member_defaults(team.members);
  if (defaults.role || defaults.space_limit) {
    w.key("defaults").begin_object();
    if (defaults.role) w.key("role").string(model::to_string(*defaults.role));
    if (defaults.space_limit) w.key("space_limit").string("team_default");
    w.end_object();
  }
  write_policy_json(team, w);
  write_groups_json(team, w);
  w.key("members").begin_array();
  for (const auto& m : team.members)
    write_member_json(m, defaults, w);
  w.end_array().end_object();
  out << text << "\n";
}

}  // namespace roster::render
