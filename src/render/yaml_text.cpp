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

}  // namespace

void write_member_yaml(const model::DesiredMember& m, std::ostream& out) {
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
}

}  // namespace roster::render
