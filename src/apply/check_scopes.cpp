#include <algorithm>

#include "roster/apply/apply_plan.hpp"

namespace roster::apply {

namespace {

dropbox::Write write_of(plan::Action action) {
  switch (action) {
    case plan::Action::invite:
      return dropbox::Write::add_members;
    case plan::Action::suspend:
      return dropbox::Write::suspend;
    case plan::Action::unsuspend:
      return dropbox::Write::unsuspend;
    case plan::Action::resend_welcome_email:
      return dropbox::Write::send_welcome_email;
    case plan::Action::recover:
      return dropbox::Write::recover;
    case plan::Action::update_profile:
      return dropbox::Write::set_profile;
    case plan::Action::remove:
      return dropbox::Write::remove;
    case plan::Action::revoke_role:
    case plan::Action::set_role:
      return dropbox::Write::set_role;
    case plan::Action::create_group:
    case plan::Action::update_group:
    case plan::Action::delete_group:
    case plan::Action::add_to_group:
    case plan::Action::set_group_access:
    case plan::Action::remove_from_group:
      return dropbox::Write::groups;
    case plan::Action::add_secondary_email:
    case plan::Action::delete_secondary_email:
      return dropbox::Write::secondary_emails;
    case plan::Action::set_space_limit:
    case plan::Action::remove_space_limit:
      return dropbox::Write::space_limits;
  }
  return dropbox::Write::set_profile;
}

}  // namespace

core::Result<void> check_token_scopes(const plan::Plan& plan, dropbox::TeamApi& api) {
  std::vector<dropbox::Write> writes;
  for (const auto& step : plan.steps) {
    auto write = write_of(step.action);
    if (std::find(writes.begin(), writes.end(), write) == writes.end()) writes.push_back(write);
  }
  if (writes.empty()) return {};
  return api.check_scopes(writes);
}

}  // namespace roster::apply
