// A removal that transfers files needs its destination and transfer admin to be
// active members when it runs; otherwise Dropbox refuses it (transfer_dest_user_not_in_team,
// transfer_admin_is_not_admin, ...). Such removals wait for a later run instead.
#include "planner.hpp"

namespace roster::plan {

bool Planner::ends_active(std::string_view email) const {
  auto it = m_final_status.find(email);
  return it != m_final_status.end() && it->second == model::MemberStatus::active;
}

void Planner::settle_removals() {
  for (const auto& s : m_pending_removals)
    m_final_status[s.email] = model::MemberStatus::removed;
  for (auto& s : m_pending_removals) {
    if (!s.transfer_to.empty()) {
      std::string problem;
      if (!ends_active(s.transfer_to)) {
        problem = "transfer destination " + s.transfer_to + " will not be an active member";
      } else if (!ends_active(s.transfer_admin)) {
        problem = "transfer admin " + s.transfer_admin + " will not be an active member";
      } else {
        auto admin = m_live_by_email.find(s.transfer_admin);
        if (admin == m_live_by_email.end() || admin->second->role == model::Role::member_only) {
          problem = "transfer admin " + s.transfer_admin + " is not a team admin";
        }
      }
      if (!problem.empty()) {
        warn(s.email, "removal deferred: " + problem +
                          "; Dropbox can only transfer files to an active member, reported to an "
                          "active admin");
        m_final_status[s.email] = *s.observed_status;
        continue;
      }
    }
    m_plan.steps.push_back(std::move(s));
  }
  m_pending_removals.clear();
}

}  // namespace roster::plan
