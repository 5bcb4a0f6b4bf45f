#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "roster/core/diagnostic.hpp"
#include "roster/model/observed.hpp"
#include "roster/plan/plan.hpp"

namespace roster::planfile {

/// The JSON document's version: "MAJOR.MINOR". Readers accept any 1.x; within a major
/// version changes are additive only (docs/json-output.md).
inline constexpr const char* k_format_version = "1.3";

/// What the team said about a step's member when the step was planned. Applying a saved
/// plan requires the live team to say the same.
struct Precondition {
  bool on_team = false;  // a live or recoverable record existed
  std::string team_member_id;
  std::string email;
  std::string status;  // "active", "invited", "suspended", "removed"
  bool is_recoverable = false;
  std::string given_name;
  std::string surname;
  std::string external_id;
  std::string role;
  /// What an access step (issue 9) depends on besides the member record, as (field, value)
  /// pairs in a fixed order, e.g. {"access in group Sales", "member"},
  /// {"secondary_emails", "a@x.com, b@x.com"}, {"space_limit", "50"},
  /// {"group Sales", "id g-1, external_id sales, company_managed"}. Empty for lifecycle
  /// steps, so their fingerprints are those of format 1.1.
  std::vector<std::pair<std::string, std::string>> access;

  /// "sha256:..." over the fields above, in a fixed order.
  [[nodiscard]] std::string fingerprint() const;
};

/// A plan with what it was made from: roster writes it with `plan --out`, reads it with
/// `show` and `apply PLANFILE`, and prints it with `--format json`.
struct SavedPlan {
  std::string format_version = k_format_version;
  std::string roster_version;
  std::string created_at;  // YYYY-MM-DDTHH:MM:SSZ
  std::string source;      // "live" or "observed" (a --observed snapshot)
  std::optional<std::string> team_id;
  std::optional<std::string> team_name;
  std::string manifest_digest;  // "sha256:..."
  plan::Plan plan;
  std::vector<Precondition> preconditions;  // one per plan step
};

/// The observed state every step of `plan` was planned from (by team_member_id, or the
/// email for invites).
[[nodiscard]] std::vector<Precondition> make_preconditions(const plan::Plan& plan,
                                                           const model::ObservedTeam& observed);

/// The saved plan as JSON text (pretty-printed, stable key order, ends with a newline).
[[nodiscard]] std::string to_json(const SavedPlan& saved);

/// Reads a saved plan. Errors (malformed JSON, unsupported format_version, missing or
/// wrong fields) are located diagnostics; `plan` is empty then.
struct LoadedPlan {
  std::optional<SavedPlan> saved;
  core::Diagnostics diagnostics;
};
[[nodiscard]] LoadedPlan read_saved_plan(const std::string& path);
[[nodiscard]] LoadedPlan parse_saved_plan(std::string_view text, const std::string& name);

/// A member whose live state no longer matches what a step was planned from.
struct StaleMember {
  std::string email;
  std::string change;  // e.g. "status was active, is now suspended"
};

/// Compares every step's precondition with the live team; empty when the plan still holds.
[[nodiscard]] std::vector<StaleMember> find_stale_members(const SavedPlan& saved,
                                                          const model::ObservedTeam& live);

}  // namespace roster::planfile
