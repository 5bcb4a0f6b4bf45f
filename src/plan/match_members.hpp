#pragma once

#include <vector>

#include "roster/model/desired.hpp"
#include "roster/model/observed.hpp"

namespace roster::plan {

/// A manifest member and the live record it corresponds to (nullptr: not on the team).
struct Match {
  const model::DesiredMember* desired = nullptr;
  const model::ObservedMember* observed = nullptr;
  bool by_external_id = false;  // matched by external_id: the email changed
};

/// Every manifest member matched to at most one live record, and the live members
/// (active, invited, suspended) the manifest does not list.
struct Matching {
  std::vector<Match> managed;  // in manifest order
  std::vector<const model::ObservedMember*> unmanaged;
  /// Recoverable removed records whose email the manifest does not list: someone removed
  /// them outside roster within the last days.
  std::vector<const model::ObservedMember*> removed_unmanaged;
};

/// Matches by normalised email first. A member whose email is not on the team (or only
/// as an unrecoverable removal) but whose external_id belongs to a live or recoverable
/// record with an email no manifest member claims is matched to that record: its email
/// changed, and it must be updated, never removed and re-invited.
[[nodiscard]] Matching match_members(const model::DesiredTeam& desired,
                                     const model::ObservedTeam& observed);

}  // namespace roster::plan
