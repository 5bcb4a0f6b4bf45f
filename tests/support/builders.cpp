#include "support/builders.hpp"

namespace roster::test {

model::DesiredMember desired(const std::string& email, model::DesiredState state) {
  model::DesiredMember m;
  m.email = email;
  m.state = state;
  return m;
}

model::ObservedMember observed(const std::string& email, model::MemberStatus status) {
  model::ObservedMember m;
  m.team_member_id = "dbmid:" + email;
  m.email = email;
  m.status = status;
  return m;
}

model::ObservedMember removed(const std::string& email, bool recoverable) {
  auto m = observed(email, model::MemberStatus::removed);
  m.is_recoverable = recoverable;
  return m;
}

model::ObservedMember team_admin(const std::string& email) {
  auto m = observed(email);
  m.role = model::Role::team_admin;
  return m;
}

}  // namespace roster::test
