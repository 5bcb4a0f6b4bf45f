// Group membership rules: add, remove, change access type (REFERENCE §7), and what a
// member's removal does to its groups.
#include <algorithm>
#include <unordered_set>

#include "store/team_store.hpp"

namespace roster::emulator {

namespace {

ApiError error(std::string tag) {
  return ApiError{std::move(tag), std::nullopt};
}
ApiError list_error(std::string tag, std::vector<std::string> values) {
  return ApiError{std::move(tag), std::move(values)};
}

bool in_group(const Member& member, std::size_t group) {
  return std::find(member.groups.begin(), member.groups.end(), group) != member.groups.end();
}

// Company-managed groups are managed by admins: only a member holding an admin role may
// own one (docs/decisions/0107-emulator-groups.md).
bool may_own(const Member& member, const Group& group) {
  return group.management != GroupManagement::company_managed || !member.role_id.empty();
}

// Resolves every user to a member on the team, or the error naming those who are not.
StoreResult<std::vector<std::size_t>> resolve_users(const TeamStore& store,
                                                    const std::vector<UserSelector>& users) {
  std::vector<std::string> not_found, not_in_team;
  std::vector<std::size_t> resolved;
  for (const auto& user : users) {
    const auto found = store.find(user);
    if (found.found == Lookup::Found::not_found) {
      not_found.push_back(user.value);
    } else if (found.found == Lookup::Found::not_in_team ||
               !TeamStore::is_live(store.member(found.index))) {
      not_in_team.push_back(user.value);
    } else {
      resolved.push_back(found.index);
    }
  }
  if (!not_found.empty()) return list_error("users_not_found", std::move(not_found));
  if (!not_in_team.empty()) return list_error("members_not_in_team", std::move(not_in_team));
  return resolved;
}

}  // namespace

std::optional<ApiError> TeamStore::add_group_members(
    std::size_t group_index, const std::vector<std::pair<UserSelector, GroupAccess>>& members) {
  auto& group = m_state.groups[group_index];
  if (group.management == GroupManagement::system_managed) {
    return error("system_managed_group_disallowed");
  }
  std::vector<UserSelector> users;
  for (const auto& entry : members)
    users.push_back(entry.first);
  auto resolved = resolve_users(*this, users);
  if (auto* failure = std::get_if<ApiError>(&resolved)) return std::move(*failure);
  const auto& indexes = std::get<std::vector<std::size_t>>(resolved);
  // One user already in the group, or named twice, fails the whole call (REFERENCE §10.16).
  std::unordered_set<std::size_t> seen;
  for (const auto index : indexes) {
    if (!seen.insert(index).second || in_group(member(index), group_index)) {
      return error("duplicate_user");
    }
  }
  std::vector<std::string> managers;
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    if (members[i].second != GroupAccess::owner) continue;
    const auto& candidate = member(indexes[i]);
    if (candidate.status != MemberStatus::active) return error("user_must_be_active_to_be_owner");
    if (!may_own(candidate, group)) managers.push_back(members[i].first.value);
  }
  if (!managers.empty()) {
    return list_error("user_cannot_be_manager_of_company_managed_group", std::move(managers));
  }
  for (std::size_t i = 0; i < indexes.size(); ++i) {
    group.members.push_back({indexes[i], members[i].second});
    m_state.members[indexes[i]].groups.push_back(group_index);
  }
  mark_group(group_index);
  return std::nullopt;
}

std::optional<ApiError> TeamStore::remove_group_members(std::size_t group_index,
                                                        const std::vector<UserSelector>& users) {
  auto& group = m_state.groups[group_index];
  if (group.management == GroupManagement::system_managed) {
    return error("system_managed_group_disallowed");
  }
  auto resolved = resolve_users(*this, users);
  if (auto* failure = std::get_if<ApiError>(&resolved)) return std::move(*failure);
  const auto& indexes = std::get<std::vector<std::size_t>>(resolved);
  for (const auto index : indexes) {
    if (!in_group(member(index), group_index)) return error("member_not_in_group");
  }
  const std::unordered_set<std::size_t> leaving(indexes.begin(), indexes.end());
  std::erase_if(group.members,
                [&](const GroupMember& entry) { return leaving.count(entry.member) != 0; });
  for (const auto index : leaving)
    std::erase(m_state.members[index].groups, group_index);
  mark_group(group_index);
  return std::nullopt;
}

std::optional<ApiError> TeamStore::set_group_access(std::size_t group_index,
                                                    const UserSelector& user, GroupAccess access) {
  auto& group = m_state.groups[group_index];
  if (group.management == GroupManagement::system_managed) {
    return error("system_managed_group_disallowed");
  }
  // GroupMemberSelectorError has no user tags: whoever is not in the group is
  // member_not_in_group, unknown users included.
  const auto found = find_on_team(user);
  if (!found || !in_group(member(*found), group_index)) return error("member_not_in_group");
  if (access == GroupAccess::owner && !may_own(member(*found), group)) {
    return error("user_cannot_be_manager_of_company_managed_group");
  }
  for (auto& entry : group.members) {
    if (entry.member == *found) entry.access = access;
  }
  mark_group(group_index);
  return std::nullopt;
}

void TeamStore::detach_from_groups(std::size_t member_index) {
  for (const auto group_index : m_state.members[member_index].groups) {
    std::erase_if(m_state.groups[group_index].members,
                  [&](const GroupMember& entry) { return entry.member == member_index; });
    mark_group(group_index);
  }
  m_state.members[member_index].groups.clear();
}

}  // namespace roster::emulator
