#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "chaos_run.hpp"

namespace roster::chaos {

/// What the first plan (`roster plan --format json`) named: every later run may only
/// repeat these steps, and every other record must come out of the run untouched.
struct PlannedSteps {
  std::set<std::string> keys;            // "ACTION TEAM_MEMBER_ID", or "invite EMAIL"
  std::set<std::string> member_ids;      // the records the steps act on
  std::set<std::string> invited_emails;  // lower case
  std::map<std::string, int> by_action;
  int total = 0;
};

using Problems = std::vector<std::string>;

/// Reads the plan document; a refused plan, warnings or an unreadable document are problems.
[[nodiscard]] PlannedSteps read_plan(const std::string& plan_json, Problems& problems);

/// The audit journal of every run: each line must parse as JSON (with nlohmann-json, not
/// roster's own reader), name a known event, and only steps the first plan named; an
/// invite the API refused as user_already_on_team counts as a repeated invitation.
void check_journal(const std::string& text, const PlannedSteps& plan, ChaosFigures& figures,
                   Problems& problems);

/// The emulator's state (`GET /_emulator/state`) before and after: records the plan did not
/// name are unchanged field for field; the records the run created are one per invited
/// email, and none for any other email.
void check_records(const std::string& before, const std::string& after, const PlannedSteps& plan,
                   ChaosFigures& figures, Problems& problems);

/// The emulator's stats: no write route answered 200 more often than the plan has steps
/// of that action; also fills in the fault and request counts.
void check_writes(const std::string& stats, const PlannedSteps& plan, ChaosFigures& figures,
                  Problems& problems);

}  // namespace roster::chaos
