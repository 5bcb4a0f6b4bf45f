#pragma once

#include "roster/model/desired.hpp"
#include "roster/model/observed.hpp"

namespace roster::plan {

/// The manifest that describes `observed` as it is: every live member (invited ones as
/// active, suspended ones as suspended) and every still-recoverable removed one (as
/// removed) with names and external id, sorted by email;
/// the team's name; the token's admin protected; unmanaged members reported. Access
/// (decision 0025): active and invited members' roles (other_admin left unmanaged),
/// secondary emails where a member has some, space limits when `observed.quotas_read`,
/// and a groups section (no system_managed groups) when `observed.groups_read` and every
/// such group's members were read. Planning it against the same team gives no steps.
[[nodiscard]] model::DesiredTeam export_manifest(const model::ObservedTeam& observed);

}  // namespace roster::plan
