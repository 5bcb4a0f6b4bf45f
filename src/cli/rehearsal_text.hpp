#pragma once

#include <string>
#include <vector>

#include "roster/model/observed.hpp"
#include "roster/plan/plan.hpp"

namespace roster::cli {

// The parts of `roster rehearse`'s report that are not a plan or an apply report. Pure;
// unit-tested in tests/unit/cli/rehearsal_text_test.cpp.

/// "4 live (2 active, 1 invited, 1 suspended), 1 removed; roles of live members: 1
/// team_admin, 3 member_only".
[[nodiscard]] std::string team_counts(const model::ObservedTeam& team);

/// One line per thing the emulator cannot know about the plan's steps (docs/emulator.md,
/// "Not emulated"), naming the steps it concerns; empty when the plan has none.
[[nodiscard]] std::vector<std::string> rehearsal_limits(const plan::Plan& plan);

}  // namespace roster::cli
