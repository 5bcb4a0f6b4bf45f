#pragma once

#include <string>

#include "roster/model/desired.hpp"
#include "roster/model/observed.hpp"

namespace roster::test {

/// A manifest member with the given email and state; other fields unset.
model::DesiredMember desired(const std::string& email,
                             model::DesiredState state = model::DesiredState::active);

/// A live-team record; team_member_id derives from the email.
model::ObservedMember observed(const std::string& email,
                               model::MemberStatus status = model::MemberStatus::active);

/// A removed record, recoverable or not.
model::ObservedMember removed(const std::string& email, bool recoverable);

/// An active team admin (so that the last-admin guard does not fire in unrelated tests).
model::ObservedMember team_admin(const std::string& email);

}  // namespace roster::test
