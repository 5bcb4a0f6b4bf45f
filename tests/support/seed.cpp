#include "support/seed.hpp"

#include "roster/core/json.hpp"

namespace roster::test {

std::string make_seed(const std::vector<SeedMember>& members, const std::string& admin_email,
                      const std::string& team_name, int licenses,
                      const std::vector<std::string>& other_team_emails) {
  std::string out;
  core::json::Writer w(out);
  w.begin_object().key("team_name").string(team_name).key("team_id").string("dbtid:AAtest");
  w.key("num_licensed_users").integer(licenses).key("admin_email").string(admin_email);
  w.key("other_team_emails").begin_array();
  for (const auto& e : other_team_emails)
    w.string(e);
  w.end_array().key("members").begin_array();
  w.begin_object().key("email").string(admin_email).key("given_name").string("Ada");
  w.key("surname").string("Admin").key("role").string("team_admin").end_object();
  for (const auto& m : members) {
    w.begin_object().key("email").string(m.email).key("status").string(m.status);
    if (!m.given_name.empty()) w.key("given_name").string(m.given_name);
    if (!m.surname.empty()) w.key("surname").string(m.surname);
    if (!m.external_id.empty()) w.key("external_id").string(m.external_id);
    if (!m.role.empty()) w.key("role").string(m.role);
    if (m.status == "removed" && !m.recoverable) w.key("recoverable").boolean(false);
    w.end_object();
  }
  w.end_array().end_object();
  return out;
}

}  // namespace roster::test
