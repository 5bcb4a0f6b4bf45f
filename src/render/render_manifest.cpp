#include "roster/render/render_manifest.hpp"

#include "roster/core/json.hpp"
#include "yaml_text.hpp"

namespace roster::render {

void render_manifest_yaml(const model::DesiredTeam& team, const std::string& header,
                          std::ostream& out) {
  write_yaml_header(header, out);
  out << "version: 1\n";
  if (team.team_name) out << "team:\n  name: " << yaml_quote(*team.team_name) << "\n";
  out << "policy:\n  unmanaged: " << model::to_string(team.policy.unmanaged) << "\n";
  if (!team.policy.protected_emails.empty()) {
    out << "  protected:\n";
    for (const auto& e : team.policy.protected_emails)
      out << "    - " << yaml_quote(e) << "\n";
  }
  out << "members:" << (team.members.empty() ? " []\n" : "\n");
  for (const auto& m : team.members)
    write_member_yaml(m, out);
}

void render_manifest_json(const model::DesiredTeam& team, std::ostream& out) {
  std::string text;
  core::json::Writer w(text, 2);
  w.begin_object().key("version").integer(1);
  if (team.team_name) w.key("team").begin_object().key("name").string(*team.team_name).end_object();
  w.key("policy").begin_object().key("unmanaged").string(model::to_string(team.policy.unmanaged));
  if (!team.policy.protected_emails.empty()) {
    w.key("protected").begin_array();
    for (const auto& e : team.policy.protected_emails)
      w.string(e);
    w.end_array();
  }
  w.end_object();
  w.key("members").begin_array();
  for (const auto& m : team.members) {
    w.begin_object().key("email").string(m.email);
    if (m.given_name) w.key("given_name").string(*m.given_name);
    if (m.surname) w.key("surname").string(*m.surname);
    if (m.external_id) w.key("external_id").string(*m.external_id);
    if (m.state != model::DesiredState::active) w.key("state").string(model::to_string(m.state));
    w.end_object();
  }
  w.end_array().end_object();
  out << text << "\n";
}

}  // namespace roster::render
