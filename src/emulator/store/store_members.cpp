// Member lifecycle rules of the emulated team: add, suspend, unsuspend, recover,
// profile and role changes. Removal lives in store_removal.cpp, groups in store_groups.cpp.
#include <algorithm>

#include "store/ids.hpp"
#include "store/roles.hpp"
#include "store/team_store.hpp"

namespace roster::emulator {

namespace {

ApiError error(std::string tag) {
  return ApiError{std::move(tag), std::nullopt};
}

// Resolves a selector to a member that is on the team (not removed), or the selector error.
StoreResult<std::size_t> on_team(const TeamStore& store, const UserSelector& user) {
  const auto found = store.find(user);
  if (found.found == Lookup::Found::not_found) return error("user_not_found");
  if (found.found == Lookup::Found::not_in_team ||
      store.member(found.index).status == MemberStatus::removed) {
    return error("user_not_in_team");
  }
  return found.index;
}

bool is_last_active_admin(const TeamStore& store, const Member& member, std::uint32_t admins) {
  return member.status == MemberStatus::active && store.is_team_admin(member) && admins <= 1;
}

}  // namespace

AddOutcome TeamStore::add_member(const AddRequest& request, UnixSeconds now) {
  const auto email = lower_ascii(request.email);
  const auto& others = m_state.info.other_team_emails;
  if (std::find(others.begin(), others.end(), email) != others.end()) {
    return {"user_on_another_team", 0};
  }
  if (auto it = m_by_email.find(email); it != m_by_email.end() && occupies(it->second, now)) {
    return {"user_already_on_team", 0};
  }
  // A member's secondary address belongs to that member's account, which is on this team.
  if (m_by_secondary_email.count(email) != 0) return {"user_already_on_team", 0};
  if (request.external_id) {
    if (auto it = m_by_external_id.find(*request.external_id);
        it != m_by_external_id.end() && occupies(it->second, now)) {
      return {"duplicate_external_member_id", 0};
    }
  }
  if (request.persistent_id) return {"persistent_id_disabled", 0};
  if (used_licenses() >= m_state.info.num_licensed_users) return {"team_license_limit", 0};

  const auto seq = m_state.info.next_member_seq++;
  Member member;
  member.team_member_id = make_team_member_id(seq);
  member.account_id = make_account_id(seq);
  member.email = request.email;
  member.given_name = request.given_name.value_or("");
  member.surname = request.surname.value_or("");
  member.external_id = request.external_id;
  member.status = MemberStatus::invited;
  member.role_id = request.role_id;
  member.invited_on = now;
  member.member_folder_id = std::to_string(1000000 + 2 * seq);
  member.root_folder_id = std::to_string(1000001 + 2 * seq);
  return {"success", append_member(std::move(member))};
}

std::optional<ApiError> TeamStore::suspend(const UserSelector& user, UnixSeconds now) {
  const auto target = on_team(*this, user);
  if (const auto* failure = std::get_if<ApiError>(&target)) return *failure;
  const auto index = std::get<std::size_t>(target);
  const auto& member = m_state.members[index];
  if (member.status != MemberStatus::active) return error("suspend_inactive_user");
  if (is_last_active_admin(*this, member, m_active_team_admins)) {
    return error("suspend_last_admin");
  }
  modify(index, [&](Member& m) {
    m.status = MemberStatus::suspended;
    m.suspended_on = now;
  });
  return std::nullopt;
}

std::optional<ApiError> TeamStore::unsuspend(const UserSelector& user) {
  const auto target = on_team(*this, user);
  if (const auto* failure = std::get_if<ApiError>(&target)) return *failure;
  const auto index = std::get<std::size_t>(target);
  if (m_state.members[index].status != MemberStatus::suspended) {
    return error("unsuspend_non_suspended_member");
  }
  // The suspended member holds a license already (REFERENCE.md §9), so unsuspending takes
  // none: it fails only on a team holding more licenses than it has (decision 0112).
  if (used_licenses() > m_state.info.num_licensed_users) return error("team_license_limit");
  modify(index, [](Member& m) {
    m.status = MemberStatus::active;
    m.suspended_on = 0;
  });
  return std::nullopt;
}

std::optional<ApiError> TeamStore::check_welcome_email(const UserSelector& user) const {
  // MembersSendWelcomeError = MemberSelectorError; a member who is not pending is a no-op.
  const auto found = on_team(*this, user);
  if (const auto* failure = std::get_if<ApiError>(&found)) return *failure;
  return std::nullopt;
}

std::optional<ApiError> TeamStore::recover(const UserSelector& user, UnixSeconds now) {
  const auto found = find(user);
  if (found.found == Lookup::Found::not_found) return error("user_not_found");
  if (found.found == Lookup::Found::not_in_team) return error("user_not_in_team");
  if (!is_recoverable(m_state.members[found.index], now)) return error("user_unrecoverable");
  if (used_licenses() >= m_state.info.num_licensed_users) return error("team_license_limit");
  modify(found.index, [&](Member& m) {
    m.status = MemberStatus::active;
    m.removed_on = 0;
    if (m.joined_on == 0) m.joined_on = now;
  });
  return std::nullopt;
}

StoreResult<std::size_t> TeamStore::set_profile(const ProfileChange& change, UnixSeconds now) {
  const auto found = find(change.user);
  if (found.found == Lookup::Found::not_found) return error("user_not_found");
  if (found.found == Lookup::Found::not_in_team) return error("user_not_in_team");
  const auto index = found.index;
  if (m_state.members[index].status == MemberStatus::removed) {
    return error("set_profile_disallowed");
  }
  if (!change.new_email && !change.new_external_id && !change.new_given_name &&
      !change.new_surname && !change.new_persistent_id && !change.new_is_directory_restricted) {
    return error("no_new_data_specified");
  }
  if (change.user.kind == UserSelector::Kind::external_id && change.new_external_id) {
    return error("external_id_and_new_external_id_unsafe");
  }
  if (change.new_email) {
    if (change.new_email->empty()) return error("param_cannot_be_empty");
    if (claimed_by_other(lower_ascii(*change.new_email), index, now)) {
      return error("email_reserved_for_other_user");
    }
  }
  if (change.new_external_id && !change.new_external_id->empty()) {
    auto it = m_by_external_id.find(*change.new_external_id);
    if (it != m_by_external_id.end() && it->second != index && occupies(it->second, now)) {
      return error("external_id_used_by_other_user");
    }
  }
  if (change.new_persistent_id) return error("persistent_id_disabled");
  if (change.new_is_directory_restricted) return error("directory_restricted_off");
  modify(index, [&](Member& m) {
    if (change.new_email) {
      // One of the member's own secondary addresses becomes the primary one.
      std::erase_if(m.secondary_emails, [&](const SecondaryEmail& secondary) {
        return lower_ascii(secondary.email) == lower_ascii(*change.new_email);
      });
      m.email = *change.new_email;
    }
    if (change.new_external_id) {
      // An empty new external id clears it.
      m.external_id = change.new_external_id->empty() ? std::nullopt : change.new_external_id;
    }
    if (change.new_given_name) m.given_name = *change.new_given_name;
    if (change.new_surname) m.surname = *change.new_surname;
  });
  return index;
}

StoreResult<std::size_t> TeamStore::set_role(const UserSelector& user, const std::string& role_id) {
  const auto found = find(user);
  if (found.found == Lookup::Found::not_found) return error("user_not_found");
  if (found.found == Lookup::Found::not_in_team ||
      m_state.members[found.index].status == MemberStatus::removed) {
    return error("user_not_in_team");
  }
  if (!role_id.empty() && find_role_by_id(m_state.info, role_id) == nullptr) {
    return error("role_not_found");
  }
  const auto& member = m_state.members[found.index];
  if (member.status == MemberStatus::suspended) return error("cannot_set_permissions");
  if (role_id != m_state.info.team_admin_role_id &&
      is_last_active_admin(*this, member, m_active_team_admins)) {
    return error("last_admin");
  }
  modify(found.index, [&](Member& m) { m.role_id = role_id; });
  return found.index;
}

StoreResult<std::size_t> TeamStore::accept_invite(std::string_view email, UnixSeconds now) {
  const auto found = find({UserSelector::Kind::email, std::string(email)});
  if (found.found != Lookup::Found::member ||
      m_state.members[found.index].status != MemberStatus::invited) {
    return error("no_invited_member");
  }
  modify(found.index, [&](Member& m) {
    m.status = MemberStatus::active;
    m.joined_on = now;
    m.email_verified = true;
  });
  return found.index;
}

}  // namespace roster::emulator
