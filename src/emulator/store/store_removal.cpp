// members/remove: the argument-combination rules of MembersRemoveError (REFERENCE §6.7),
// checked roughly in the order the flattened error union lists its layers.
#include "store/team_store.hpp"

namespace roster::emulator {

namespace {

ApiError error(std::string tag) {
  return ApiError{std::move(tag), std::nullopt};
}

std::optional<ApiError> check_flags(const RemoveRequest& request) {
  // Share retention is checked first so that each of these tags has an argument
  // combination that produces it.
  if (request.retain_team_shares && !request.keep_account) {
    return error("cannot_retain_shares_when_no_account_kept");
  }
  if (request.retain_team_shares && request.wipe_data) {
    return error("cannot_retain_shares_when_data_wiped");
  }
  if (request.keep_account && request.wipe_data) {
    return error("cannot_keep_account_and_delete_data");
  }
  if (request.keep_account && request.transfer_dest) {
    return error("cannot_keep_account_and_transfer");
  }
  if (request.keep_account && request.permanently_delete_files) {
    return error("cannot_keep_account_and_permanently_delete");
  }
  if (request.permanently_delete_files && request.transfer_dest) {
    return error("cannot_permanently_delete_and_transfer");
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> TeamStore::check_transfer(const RemoveRequest& request,
                                                  std::size_t removed) const {
  if (request.transfer_dest && !request.transfer_admin) {
    return error("unspecified_transfer_admin_id");
  }
  if (request.transfer_dest) {
    const auto dest = find(*request.transfer_dest);
    if (dest.found == Lookup::Found::not_found) return error("transfer_dest_user_not_found");
    if (dest.found == Lookup::Found::not_in_team || !is_live(m_state.members[dest.index])) {
      return error("transfer_dest_user_not_in_team");
    }
    if (dest.index == removed) return error("removed_and_transfer_dest_should_differ");
  }
  if (request.transfer_admin) {
    const auto admin = find(*request.transfer_admin);
    if (admin.found == Lookup::Found::not_found) return error("transfer_admin_user_not_found");
    if (admin.found == Lookup::Found::not_in_team || !is_live(m_state.members[admin.index])) {
      return error("transfer_admin_user_not_in_team");
    }
    if (admin.index == removed) return error("removed_and_transfer_admin_should_differ");
    const auto& holder = m_state.members[admin.index];
    if (holder.status != MemberStatus::active || !is_team_admin(holder)) {
      return error("transfer_admin_is_not_admin");
    }
  }
  return std::nullopt;
}

std::optional<ApiError> TeamStore::remove(const RemoveRequest& request, UnixSeconds now) {
  const auto found = find(request.user);
  if (found.found == Lookup::Found::not_found) return error("user_not_found");
  if (found.found == Lookup::Found::not_in_team ||
      m_state.members[found.index].status == MemberStatus::removed) {
    return error("user_not_in_team");
  }
  const auto index = found.index;
  if (auto failure = check_flags(request)) return failure;
  const auto& member = m_state.members[index];
  const bool was_invited = member.status == MemberStatus::invited;
  if (request.keep_account && was_invited) return error("cannot_keep_invited_user_account");
  if (auto failure = check_transfer(request, index)) return failure;
  if (member.status == MemberStatus::active && is_team_admin(member) && m_active_team_admins <= 1) {
    return error("remove_last_admin");
  }
  detach_from_groups(index);
  modify(index, [&](Member& m) {
    m.status = MemberStatus::removed;
    m.removed_on = now;
    m.suspended_on = 0;
    m.role_id.clear();
    // The account leaves the team: its team settings go with it (docs/emulator.md).
    m.secondary_emails.clear();
    m.custom_quota_gb.reset();
    m.space_limit_excluded = false;
    m.is_disconnected = request.keep_account;
    // Help centre: invitees who never joined, accounts kept as Basic, and data that was
    // transferred or deleted cannot be restored.
    m.removal_recoverable = !(was_invited || request.keep_account || request.transfer_dest ||
                              request.permanently_delete_files);
  });
  return std::nullopt;
}

}  // namespace roster::emulator
