#include <string>

#include "roster/model/desired.hpp"
#include "roster/model/observed.hpp"

namespace roster::model {

const char* to_string(DesiredState state) noexcept {
  switch (state) {
    case DesiredState::active:
      return "active";
    case DesiredState::suspended:
      return "suspended";
    case DesiredState::removed:
      return "removed";
  }
  return "?";
}

const char* to_string(UnmanagedPolicy policy) noexcept {
  switch (policy) {
    case UnmanagedPolicy::report:
      return "report";
    case UnmanagedPolicy::suspend:
      return "suspend";
    case UnmanagedPolicy::remove:
      return "remove";
  }
  return "?";
}

const char* to_string(MemberStatus status) noexcept {
  switch (status) {
    case MemberStatus::active:
      return "active";
    case MemberStatus::invited:
      return "invited";
    case MemberStatus::suspended:
      return "suspended";
    case MemberStatus::removed:
      return "removed";
  }
  return "?";
}

const char* to_string(UnmanagedGroupsPolicy policy) noexcept {
  switch (policy) {
    case UnmanagedGroupsPolicy::report:
      return "report";
    case UnmanagedGroupsPolicy::remove:
      return "delete";
  }
  return "?";
}

const char* to_string(GroupAccess access) noexcept {
  switch (access) {
    case GroupAccess::member:
      return "member";
    case GroupAccess::owner:
      return "owner";
  }
  return "?";
}

const char* to_string(GroupManagement management) noexcept {
  switch (management) {
    case GroupManagement::company_managed:
      return "company_managed";
    case GroupManagement::user_managed:
      return "user_managed";
    case GroupManagement::system_managed:
      return "system_managed";
  }
  return "?";
}

namespace {

// Reads a name back through the enum's own to_string(): the switch there is the one table.
template <typename Enum>
std::optional<Enum> read_name(std::string_view text, Enum last) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    if (text == to_string(static_cast<Enum>(i))) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

// "a, b or c": every name of the enumeration, in its order.
template <typename Enum>
std::string choices(Enum last) {
  std::string text;
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    if (i > 0) text += i == static_cast<int>(last) ? " or " : ", ";
    text += to_string(static_cast<Enum>(i));
  }
  return text;
}

}  // namespace

std::optional<DesiredState> desired_state_from_string(std::string_view text) {
  return read_name(text, DesiredState::removed);
}
std::string desired_state_choices() {
  return choices(DesiredState::removed);
}
std::optional<UnmanagedPolicy> unmanaged_policy_from_string(std::string_view text) {
  return read_name(text, UnmanagedPolicy::remove);
}
std::string unmanaged_policy_choices() {
  return choices(UnmanagedPolicy::remove);
}
std::optional<UnmanagedGroupsPolicy> unmanaged_groups_policy_from_string(std::string_view text) {
  return read_name(text, UnmanagedGroupsPolicy::remove);
}
std::string unmanaged_groups_policy_choices() {
  return choices(UnmanagedGroupsPolicy::remove);
}

std::optional<MemberStatus> member_status_from_string(std::string_view text) {
  return read_name(text, MemberStatus::removed);
}
std::optional<GroupAccess> group_access_from_string(std::string_view text) {
  return read_name(text, GroupAccess::owner);
}
std::optional<GroupManagement> group_management_from_string(std::string_view text) {
  return read_name(text, GroupManagement::system_managed);
}

bool is_live(const ObservedMember& member) noexcept {
  return member.status != MemberStatus::removed;
}

bool is_recoverable(const ObservedMember& member) noexcept {
  return member.status == MemberStatus::removed && member.is_recoverable && !member.is_disconnected;
}

}  // namespace roster::model
