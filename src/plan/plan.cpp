#include "roster/plan/plan.hpp"

#include <algorithm>

namespace roster::plan {

bool Plan::is_refused() const noexcept {
  return std::any_of(guards.begin(), guards.end(),
                     [](const GuardResult& g) { return g.status == GuardResult::Status::refused; });
}

bool Plan::has_drift() const noexcept {
  return std::any_of(drift.begin(), drift.end(), [](const DriftItem& d) {
    return d.kind != DriftItem::Kind::pending_invite;
  });
}

const char* to_string(Action action) noexcept {
  switch (action) {
    case Action::recover:
      return "recover";
    case Action::invite:
      return "invite";
    case Action::unsuspend:
      return "unsuspend";
    case Action::update_profile:
      return "update_profile";
    case Action::suspend:
      return "suspend";
    case Action::remove:
      return "remove";
  }
  return "?";
}

const char* to_string(Reason reason) noexcept {
  switch (reason) {
    case Reason::not_on_team:
      return "not_on_team";
    case Reason::no_longer_recoverable:
      return "no_longer_recoverable";
    case Reason::declared_active:
      return "declared_active";
    case Reason::declared_suspended:
      return "declared_suspended";
    case Reason::declared_removed:
      return "declared_removed";
    case Reason::invitation_cancelled:
      return "invitation_cancelled";
    case Reason::profile_differs:
      return "profile_differs";
    case Reason::email_changed:
      return "email_changed";
    case Reason::unmanaged_suspend:
      return "unmanaged_suspend";
    case Reason::unmanaged_remove:
      return "unmanaged_remove";
  }
  return "?";
}

const char* to_string(DriftItem::Kind kind) noexcept {
  switch (kind) {
    case DriftItem::Kind::unmanaged:
      return "unmanaged";
    case DriftItem::Kind::pending_invite:
      return "pending_invite";
    case DriftItem::Kind::removed_outside:
      return "removed_outside";
  }
  return "?";
}

const char* to_string(GuardResult::Status status) noexcept {
  switch (status) {
    case GuardResult::Status::passed:
      return "passed";
    case GuardResult::Status::refused:
      return "refused";
    case GuardResult::Status::not_checked:
      return "not_checked";
  }
  return "?";
}

}  // namespace roster::plan
