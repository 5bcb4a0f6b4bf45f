// Group records: create, update, delete (REFERENCE §7). Membership changes are in
// store_group_members.cpp.
#include <algorithm>

#include "store/ids.hpp"
#include "store/team_store.hpp"

namespace roster::emulator {

namespace {

ApiError error(std::string tag) {
  return ApiError{std::move(tag), std::nullopt};
}

bool is_valid_group_name(const std::string& name) {
  if (name.find_first_not_of(" \t") == std::string::npos) return false;
  return std::none_of(name.begin(), name.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20; });
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
  index_group(index);
  mark_group(index);
  m_changes.info = true;
  return index;
}

std::optional<ApiError> TeamStore::update_group(std::size_t index, const GroupUpdate& update) {
  const auto& group = m_state.groups[index];
  if (group.management == GroupManagement::system_managed ||
      update.management == GroupManagement::system_managed) {
    return error("system_managed_group_disallowed");
  }
  if (update.name) {
    if (!is_valid_group_name(*update.name)) return error("group_name_invalid");
    const auto holder = m_group_by_name.find(lower_ascii(*update.name));
    if (holder != m_group_by_name.end() && holder->second != index) {
      return error("group_name_already_used");
    }
  }
  if (update.external_id && !update.external_id->empty()) {
    const auto holder = m_group_by_external_id.find(*update.external_id);
    if (holder != m_group_by_external_id.end() && holder->second != index) {
      return error("external_id_already_in_use");
    }
  }
  unindex_group(index);
  auto& changed = m_state.groups[index];
  if (update.name) changed.name = *update.name;
  if (update.external_id) {
    // "" clears the external id (GroupUpdateArgs.new_group_external_id).
    changed.external_id =
        update.external_id->empty() ? std::nullopt : std::optional(*update.external_id);
  }
  if (update.management) changed.management = *update.management;
  index_group(index);
  mark_group(index);
  return std::nullopt;
}

std::optional<ApiError> TeamStore::delete_group(std::size_t index) {
  auto& group = m_state.groups[index];
  if (group.deleted) return error("group_already_deleted");
  if (group.management == GroupManagement::system_managed) {
    return error("system_managed_group_disallowed");
  }
  unindex_group(index);
  for (const auto& entry : group.members)
    std::erase(m_state.members[entry.member].groups, index);
  group.members.clear();
  group.deleted = true;
  mark_group(index);
  return std::nullopt;
}

}  // namespace roster::emulator
