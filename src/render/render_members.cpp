#include "roster/render/render_members.hpp"

#include <string_view>

#include "roster/core/json.hpp"

namespace roster::render {

namespace {

using core::json::quote;

void write_header(const std::string& header, std::ostream& out) {
  std::string_view rest = header;
  while (!rest.empty()) {
    auto end = rest.find_first_of("\r\n");
    out << "# " << rest.substr(0, end) << "\n";
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
}

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
    out << "      transfer_to: " << quote(remove.transfer_to) << "\n";
  if (!remove.transfer_admin.empty()) {
    out << "      transfer_admin: " << quote(remove.transfer_admin) << "\n";
  }
}

void write_member(const model::DesiredMember& m, std::ostream& out) {
  out << "  - email: " << quote(m.email) << "\n";
  if (m.given_name) out << "    given_name: " << quote(*m.given_name) << "\n";
  if (m.surname) out << "    surname: " << quote(*m.surname) << "\n";
  if (m.external_id) out << "    external_id: " << quote(*m.external_id) << "\n";
  if (m.state != model::DesiredState::active) {
    out << "    state: " << model::to_string(m.state) << "\n";
  }
  if (!m.send_welcome_email) out << "    send_welcome_email: false\n";
  if (m.suspend.wipe_data) out << "    suspend:\n      wipe_data: true\n";
  write_remove(m.remove, out);
}

}  // namespace

void render_members_yaml(const std::vector<model::DesiredMember>& members,
                         const std::string& header, std::ostream& out) {
  write_header(header, out);
  out << "version: 1\n";
  out << "members:" << (members.empty() ? " []\n" : "\n");
  for (const auto& member : members)
    write_member(member, out);
}

}  // namespace roster::render
