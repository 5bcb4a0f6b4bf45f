#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "roster/emulator/result.hpp"
#include "store/team_store.hpp"

namespace roster::emulator {

/// The state document: the seed-file format plus ids, counters, groups and jobs, so a
/// state file is also a valid seed (docs/emulator.md).
[[nodiscard]] std::string encode_state(const TeamState& state);

/// One journal record: the full new value of every changed member, group and job, plus
/// the team settings when they changed. Replaying it is idempotent.
[[nodiscard]] std::string encode_changes(const TeamState& state, const ChangeSet& changes);

/// Reads a seed or state document. Missing ids and timestamps are filled in (`now`);
/// unknown keys, bad values and duplicate live emails are errors.
[[nodiscard]] Result<TeamState> decode_state(std::string_view text, UnixSeconds now);

/// Reads a --seed document: a snapshot (it has `snapshot_format`; docs/emulator.md,
/// "Seeding from a snapshot") or, otherwise, a seed or state document (decode_state).
[[nodiscard]] Result<TeamState> decode_seed(std::string_view text, UnixSeconds now);

/// The team used without --seed: one active team admin (`admin_email`) and 1,000 licenses.
[[nodiscard]] TeamState default_state(UnixSeconds now);

/// Applies journal records to a loaded state, in order.
class JournalReplay {
 public:
  explicit JournalReplay(TeamState& state);
  [[nodiscard]] Result<void> apply(std::string_view record);

 private:
  TeamState& m_state;
  std::unordered_map<std::string, std::size_t> m_members;
  std::unordered_map<std::string, std::size_t> m_groups;
  std::unordered_map<std::string, std::size_t> m_jobs;
};

}  // namespace roster::emulator
