// Checks that need the whole manifest: duplicates across files, transfer targets,
// protected members, secondary emails and group memberships.
#include <algorithm>
#include <unordered_map>

#include "manifest_builder.hpp"

namespace roster::manifest {

void ManifestBuilder::check_transfer_target(const model::DesiredTeam& team, const EmailIndex& index,
                                            const std::string& target, Mark where,
                                            std::string_view key) {
  if (target.empty() || !where.is_set()) return;
  auto found = index.find(target);
  if (found == index.end()) return;
  const auto& member = team.members[found->second];
  if (member.state == model::DesiredState::active) return;
  m_diagnostics.error(location(where),
                      std::string(key) + " names " + target + ", who is declared " +
                          model::to_string(member.state) + " at " +
                          at(location(m_member_marks[found->second].state)) +
                          "; files and transfer reports can only go to an active member");
}

void ManifestBuilder::check_references(model::DesiredTeam& team) {
  EmailIndex by_email;
  std::unordered_map<std::string_view, std::size_t> by_external_id;
  by_email.reserve(team.members.size());
  for (std::size_t i = 0; i < team.members.size(); ++i) {
    const auto& member = team.members[i];
    const auto& marks = m_member_marks[i];
    auto [first, inserted] = by_email.emplace(member.email, i);
    if (!inserted) {
      m_diagnostics.error(location(marks.email),
                          "duplicate member \"" + member.email + "\" (first listed at " +
                              at(location(m_member_marks[first->second].email)) + ")");
    }
    if (member.external_id) {
      auto [other, fresh] = by_external_id.emplace(*member.external_id, i);
      if (!fresh) {
        m_diagnostics.error(location(marks.external_id),
                            "duplicate external_id \"" + *member.external_id + "\" (also " +
                                team.members[other->second].email + " at " +
                                at(location(m_member_marks[other->second].external_id)) + ")");
      }
    }
  }

  const auto& protected_emails = team.policy.protected_emails;
  for (std::size_t i = 0; i < team.members.size(); ++i) {
    const auto& member = team.members[i];
    const auto& marks = m_member_marks[i];
    if (member.state != model::DesiredState::active &&
        std::binary_search(protected_emails.begin(), protected_emails.end(), member.email)) {
      m_diagnostics.error(location(marks.state),
                          "protected member \"" + member.email + "\" is declared " +
                              model::to_string(member.state) +
                              "; policy.protected members are never suspended or removed");
    }
    check_transfer_target(team, by_email, member.remove.transfer_to, marks.remove.transfer_to,
                          "remove.transfer_to");
    check_transfer_target(team, by_email, member.remove.transfer_admin, marks.remove.transfer_admin,
                          "remove.transfer_admin");
    if (marks.remove.transfer_to.is_set() && member.remove.transfer_to == member.email) {
      m_diagnostics.error(location(marks.remove.transfer_to),
                          member.email + " cannot transfer files to themselves");
    }
    if (marks.remove.transfer_admin.is_set() && member.remove.transfer_admin == member.email) {
      m_diagnostics.error(location(marks.remove.transfer_admin),
                          member.email + " cannot be the transfer admin of their own removal");
    }
  }
  check_transfer_target(team, by_email, team.default_remove.transfer_to,
                        m_default_remove_marks.transfer_to, "defaults.remove.transfer_to");
  check_transfer_target(team, by_email, team.default_remove.transfer_admin,
                        m_default_remove_marks.transfer_admin, "defaults.remove.transfer_admin");
  check_secondary_emails(team, by_email);
  resolve_groups(team, by_email);
}

}  // namespace roster::manifest
