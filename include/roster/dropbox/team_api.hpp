#pragma once

#include <optional>
#include <string>
#include <vector>

#include "roster/core/result.hpp"
#include "roster/model/observed.hpp"

namespace roster::dropbox {

/// `team/get_info`, the parts roster uses.
struct TeamInfo {
  std::string name;
  std::string team_id;
  std::uint32_t num_licensed_users = 0;
  std::uint32_t num_provisioned_users = 0;
};

/// The admin who owns the token (`team/token/get_authenticated_admin`).
struct AdminIdentity {
  std::string team_member_id;
  std::string email;  // normalised
};

/// One member for `members/add_v2`.
struct NewMember {
  std::string email;
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> external_id;
  bool send_welcome_email = true;
};

/// The outcome for one member of an add_v2 batch: success, or the Dropbox tag.
struct AddOutcome {
  std::string email;
  std::string error_tag;  // empty on success ("user_already_on_team", ...)
  [[nodiscard]] bool ok() const noexcept { return error_tag.empty(); }
};

/// A finished add_v2 call: one outcome per requested member, in order, and the async
/// job id when Dropbox answered with a job (empty when it answered at once).
struct AddBatch {
  std::vector<AddOutcome> outcomes;
  std::string job_id;
};

/// `members/remove` arguments; emails select the transfer destination and admin.
struct RemoveArgs {
  bool wipe_data = false;
  bool keep_account = false;
  bool retain_team_shares = false;
  std::string transfer_to;
  std::string transfer_admin;
};

/// `members/set_profile_v2` arguments; unset fields are not sent.
struct ProfileUpdate {
  std::optional<std::string> new_email;
  std::optional<std::string> new_given_name;
  std::optional<std::string> new_surname;
  std::optional<std::string> new_external_id;
};

/// The kinds of change TeamApi can make, for asking in advance whether the token may.
enum class Write { add_members, suspend, unsuspend, recover, set_profile, remove };

/// One method per Dropbox operation roster uses. Members are selected by
/// team_member_id. Paging (list_v2 + continue_v2) and async jobs (add_v2, remove) are
/// completed inside: a call returns when the work is done or has failed.
/// Implementations are safe to call from several threads at once. Reads and job polls
/// are retried inside (rate limits, 5xx, dropped connections); a mutating request is sent
/// once and its failure returned, so that the caller, who knows what the step means,
/// decides whether to retry (core::is_retryable) and how to read a repeated answer.
class TeamApi {
 public:
  virtual ~TeamApi() = default;

  [[nodiscard]] virtual core::Result<TeamInfo> get_team_info() = 0;
  /// The admin who owns the token (`team/token/get_authenticated_admin`).
  [[nodiscard]] virtual core::Result<AdminIdentity> get_authenticated_admin() = 0;
  /// The team's roles (`members/get_available_team_member_roles`): how role ids are read.
  [[nodiscard]] virtual core::Result<std::vector<model::TeamRole>> get_available_roles() = 0;
  /// One page of `members/list_v2` (cursor empty) or `members/list/continue_v2`,
  /// with removed members included. `next_cursor` is empty after the last page.
  [[nodiscard]] virtual core::Result<std::vector<model::ObservedMember>> list_members_page(
      const std::string& cursor, std::string& next_cursor) = 0;
  /// At most 20 members; one outcome per member, in order. Polls an async job.
  [[nodiscard]] virtual core::Result<AddBatch> add_members(
      const std::vector<NewMember>& members) = 0;
  [[nodiscard]] virtual core::Result<void> suspend(const std::string& team_member_id,
                                                   bool wipe_data) = 0;
  [[nodiscard]] virtual core::Result<void> unsuspend(const std::string& team_member_id) = 0;
  /// Waits for the removal job to finish; returns its async job id ("" if none).
  [[nodiscard]] virtual core::Result<std::string> remove(const std::string& team_member_id,
                                                         const RemoveArgs& args) = 0;
  [[nodiscard]] virtual core::Result<void> recover(const std::string& team_member_id) = 0;
  [[nodiscard]] virtual core::Result<void> set_profile(const std::string& team_member_id,
                                                       const ProfileUpdate& update) = 0;
  /// Checks, changing nothing, that the token has the scopes `writes` need. Dropbox has no
  /// call that lists a token's scopes; docs/decisions/0012 says how it is asked instead.
  /// An unauthorized Error (api_tag missing_scope) naming the scope and the routes that
  /// need it; success when granted.
  [[nodiscard]] virtual core::Result<void> check_scopes(const std::vector<Write>& writes) = 0;
};

}  // namespace roster::dropbox
