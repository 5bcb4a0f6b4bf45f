// Group rules: create, add members, remove members (REFERENCE §7).
#include <algorithm>

#include "store/ids.hpp"
#include "store/team_store.hpp"

namespace roster::emulator {

namespace {

ApiError error(std::string tag) {
  return ApiError{std::move(tag), std::nullopt};
}
ApiError list_error(std::string tag, std::vector<std::string> values) {
  return ApiError{std::move(tag), std::move(values)};
}

bool is_valid_group_name(const std::string& name) {
  if (name.find_first_not_of(" \t") == std::string::npos) return false;
  return std::none_of(name.begin(), name.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

bool in_group(const Group& group, std::size_t member) {
  return std::any_of(group.members.begin(), group.members.end(),
                     [&](const GroupMember& entry) { return entry.member == member; });
}

}  // namespace

void TeamStore::mark_group(std::size_t group) {
  m_changes.groups.push_back(group);
}

StoreResult<std::size_t> TeamStore::create_group(const std::string& name,
                                                 const std::optional<std::string>& external_id,
                                                 GroupManagement management,
                                                 bool add_creator_as_owner, UnixSeconds now) {
  if (!is_valid_group_name(name)) return error("group_name_invalid");
  if (m_group_by_name.count(lower_ascii(name)) != 0) return error("group_name_already_used");
  if (external_id && m_group_by_external_id.count(*external_id) != 0) {
    return error("external_id_already_in_use");
  }
  if (management == GroupManagement::system_managed) {
    return error("system_managed_group_disallowed");
  }
  Group group;
  group.group_id = make_group_id(m_state.info.next_group_seq++);
  group.name = name;
  group.external_id = external_id;
  group.management = management;
  group.created_ms = static_cast<std::uint64_t>(now) * 1000;
  const auto index = m_state.groups.size();
  if (const auto creator = token_admin(); add_creator_as_owner && creator) {
    group.members.push_back({*creator, GroupAccess::owner});
    m_state.members[*creator].groups.push_back(index);
  }
  m_state.groups.push_back(std::move(group));
  m_group_by_id[m_state.groups[index].group_id] = index;
  if (external_id) m_group_by_external_id[*external_id] = index;
  m_group_by_name[lower_ascii(name)] = index;
  mark_group(index);
  m_changes.info = true;
  return index;
}

std::optional<ApiError> TeamStore::add_group_members(
    std::size_t group_index, const std::vector<std::pair<UserSelector, GroupAccess>>& members) {
  auto& group = m_state.groups[group_index];
  if (group.management == GroupManagement::system_managed) {
    return error("system_managed_group_disallowed");
  }
  std::vector<std::string> not_found, not_in_team, managers;
  std::vector<std::pair<std::size_t, GroupAccess>> resolved;
  for (const auto& [user, access] : members) {
    const auto found = find(user);
    if (found.found == Lookup::Found::not_found) {
      not_found.push_back(user.value);
    } else if (found.found == Lookup::Found::not_in_team || !is_live(member(found.index))) {
      not_in_team.push_back(user.value);
    } else {
      resolved.emplace_back(found.index, access);
    }
  }
  if (!not_found.empty()) return list_error("users_not_found", std::move(not_found));
  if (!not_in_team.empty()) return list_error("members_not_in_team", std::move(not_in_team));
  for (std::size_t i = 0; i < resolved.size(); ++i) {
    const auto index = resolved[i].first;
    const bool repeated = std::any_of(resolved.begin(), resolved.begin() + static_cast<long>(i),
                                      [&](const auto& other) { return other.first == index; });
    if (repeated || in_group(group, index)) return error("duplicate_user");
  }
  for (const auto& [index, access] : resolved) {
    if (access != GroupAccess::owner) continue;
    if (member(index).status != MemberStatus::active) {
      return error("user_must_be_active_to_be_owner");
    }
    if (group.management == GroupManagement::company_managed) {
      managers.push_back(member(index).email);
    }
  }
  if (!managers.empty()) {
    return list_error("user_cannot_be_manager_of_company_managed_group", std::move(managers));
  }
  for (const auto& [index, access] : resolved) {
    group.members.push_back({index, access});
    m_state.members[index].groups.push_back(group_index);
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
  std::vector<std::string> not_found, not_in_team;
  std::vector<std::size_t> resolved;
  for (const auto& user : users) {
    const auto found = find(user);
    if (found.found == Lookup::Found::not_found) {
      not_found.push_back(user.value);
    } else if (found.found == Lookup::Found::not_in_team || !is_live(member(found.index))) {
      not_in_team.push_back(user.value);
    } else {
      resolved.push_back(found.index);
    }
  }
  if (!not_found.empty()) return list_error("users_not_found", std::move(not_found));
  if (!not_in_team.empty()) return list_error("members_not_in_team", std::move(not_in_team));
  for (const auto index : resolved) {
    if (!in_group(group, index)) return error("member_not_in_group");
  }
  for (const auto index : resolved) {
    std::erase_if(group.members, [&](const GroupMember& entry) { return entry.member == index; });
    std::erase(m_state.members[index].groups, group_index);
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
