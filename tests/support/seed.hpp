#pragma once

#include <string>
#include <utility>
#include <vector>

namespace roster::test {

/// One member of an emulator seed (docs/emulator.md).
struct SeedMember {
  SeedMember(std::string email_, std::string status_ = "active", std::string given_ = "",
             std::string surname_ = "", std::string external_id_ = "", std::string role_ = "")
      : email(std::move(email_)),
        status(std::move(status_)),
        given_name(std::move(given_)),
        surname(std::move(surname_)),
        external_id(std::move(external_id_)),
        role(std::move(role_)) {}

  std::string email;
  std::string status = "active";  // active, invited, suspended, removed
  std::string given_name;
  std::string surname;
  std::string external_id;
  std::string role;         // "" = member_only, "team_admin", ...
  bool recoverable = true;  // removed only
};

/// A seed document: `admin_email` owns the token and is a team admin.
std::string make_seed(const std::vector<SeedMember>& members,
                      const std::string& admin_email = "admin@acme.com",
                      const std::string& team_name = "Acme Corp", int licenses = 1000,
                      const std::vector<std::string>& other_team_emails = {});

}  // namespace roster::test
