#pragma once

#include <optional>
#include <string_view>

namespace roster::model {

/// `GroupAccessType`: an owner may rename the group and manage its members.
enum class GroupAccess { member, owner };

/// `GroupManagementType`. Manifests may declare company_managed (default) or user_managed;
/// roster never touches system_managed groups.
enum class GroupManagement { company_managed, user_managed, system_managed };

[[nodiscard]] const char* to_string(GroupAccess access) noexcept;
[[nodiscard]] const char* to_string(GroupManagement management) noexcept;
[[nodiscard]] std::optional<GroupAccess> group_access_from_string(std::string_view text);
[[nodiscard]] std::optional<GroupManagement> group_management_from_string(std::string_view text);

}  // namespace roster::model
