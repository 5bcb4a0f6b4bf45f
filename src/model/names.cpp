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

const char* to_string(Role role) noexcept {
  switch (role) {
    case Role::member_only:
      return "member_only";
    case Role::team_admin:
      return "team_admin";
    case Role::user_management_admin:
      return "user_management_admin";
    case Role::support_admin:
      return "support_admin";
    case Role::other_admin:
      return "other_admin";
  }
  return "?";
}

bool is_live(const ObservedMember& member) noexcept {
  return member.status != MemberStatus::removed;
}

bool is_recoverable(const ObservedMember& member) noexcept {
  return member.status == MemberStatus::removed && member.is_recoverable && !member.is_disconnected;
}

}  // namespace roster::model
