#pragma once

#include "roster/dropbox/observe.hpp"
#include "roster/model/desired.hpp"
#include "roster/plan/plan.hpp"

namespace roster::cli {

// What to read from the live team beyond its members (decision 0023, "Observing"). These
// live in cli/ because they join two modules that may not know each other: the manifest's
// DesiredTeam (model) or a saved Plan (plan) on one side, dropbox's ObserveOptions on the
// other (plan/ may not include dropbox/, and dropbox/ should not decide what a manifest
// needs). Pure functions, unit-tested in tests/unit/cli/observe_options_test.cpp.

/// For planning from a manifest: groups/list when it has a `groups:` section, the members
/// of each declared group, quotas when some member's space limit is managed.
[[nodiscard]] dropbox::ObserveOptions observe_options_for(const model::DesiredTeam& desired);

/// For applying a saved plan (its staleness checks read what its steps depend on): groups
/// when a step touches one, the members of those groups, quotas for space-limit steps.
[[nodiscard]] dropbox::ObserveOptions observe_options_for(const plan::Plan& saved);

}  // namespace roster::cli
