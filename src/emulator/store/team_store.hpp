#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "store/team_state.hpp"

namespace roster::emulator {

/// `UserSelectorArg`: one member by team member id, external id or email.
struct UserSelector {
  enum class Kind { team_member_id, external_id, email };
  Kind kind = Kind::email;
  std::string value;
};

/// `GroupSelector`: one group by id or external id.
struct GroupSelector {
  enum class Kind { group_id, group_external_id };
  Kind kind = Kind::group_id;
  std::string value;
};

/// A route error as data: the Dropbox tag and, for tags carrying `List(String)`, the list.
struct ApiError {
  std::string tag;
  std::optional<std::vector<std::string>> list;
};

template <typename T>
using StoreResult = std::variant<T, ApiError>;

/// How a selector resolved: a record, nothing, or an account Dropbox knows on another team.
struct Lookup {
  enum class Found { member, not_found, not_in_team };
  Found found = Found::not_found;
  std::size_t index = 0;
};

struct AddRequest {
  std::string email;
  std::optional<std::string> given_name;
  std::optional<std::string> surname;
  std::optional<std::string> external_id;
  std::optional<std::string> persistent_id;
  std::string role_id;  // validated by the caller; empty = plain member
};

/// One member's add_v2 outcome: "success" (then `index` is the new record) or a failure tag.
struct AddOutcome {
  std::string tag;
  std::size_t index = 0;
};

struct RemoveRequest {
  UserSelector user;
  bool wipe_data = true;
  std::optional<UserSelector> transfer_dest;
  std::optional<UserSelector> transfer_admin;
  bool keep_account = false;
  bool retain_team_shares = false;
  bool permanently_delete_files = false;
};

/// groups/update: each set field changes; an empty `external_id` clears it.
struct GroupUpdate {
  std::optional<std::string> name;
  std::optional<std::string> external_id;
  std::optional<GroupManagement> management;
};

/// One email's outcome in the secondary-email routes: `tag` is "success" or the failure
/// tag (`unavailable`, `not_found`, ...); `verified` matters for a successful add.
struct EmailOutcome {
  std::string tag;
  std::string email;
  bool verified = false;
};

/// One user's outcome in the secondary-email routes: "success" with one EmailOutcome per
/// requested email, or a user-level tag (`invalid_user`, `unverified`, `placeholder_user`).
struct UserEmailsOutcome {
  std::string tag;
  std::vector<EmailOutcome> emails;
};

struct ProfileChange {
  UserSelector user;
  std::optional<std::string> new_email;
  std::optional<std::string> new_external_id;
  std::optional<std::string> new_given_name;
  std::optional<std::string> new_surname;
  std::optional<std::string> new_persistent_id;
  std::optional<bool> new_is_directory_restricted;
};

/// What changed since the last take_changes(): the unit the journal persists.
struct ChangeSet {
  std::vector<std::size_t> members;
  std::vector<std::size_t> groups;
  std::vector<std::size_t> jobs;
  bool info = false;
  [[nodiscard]] bool empty() const {
    return members.empty() && groups.empty() && jobs.empty() && !info;
  }
};

/// The emulated team: in-memory state and the rules of the Dropbox team API. Pure: no
/// I/O, no clock (callers pass `now`), not thread-safe (the router serialises access).
class TeamStore {
 public:
  explicit TeamStore(TeamState state);

  [[nodiscard]] const TeamState& state() const noexcept { return m_state; }
  [[nodiscard]] const Member& member(std::size_t index) const { return m_state.members[index]; }
  [[nodiscard]] const Group& group(std::size_t index) const { return m_state.groups[index]; }
  [[nodiscard]] Lookup find(const UserSelector& selector) const;
  /// The member on the team (active, invited or suspended) this selector names, if any.
  [[nodiscard]] std::optional<std::size_t> find_on_team(const UserSelector& selector) const;
  /// The group this selector names, deleted ones included (callers check `deleted`).
  [[nodiscard]] std::optional<std::size_t> find_group(const GroupSelector& selector) const;
  /// The live group this selector names, or group_not_found (deleted groups too).
  [[nodiscard]] StoreResult<std::size_t> find_live_group(const GroupSelector& selector) const;
  [[nodiscard]] std::optional<std::size_t> find_job(std::string_view id) const;
  /// The admin who owns the API token, if the state names one.
  [[nodiscard]] std::optional<std::size_t> token_admin() const;

  [[nodiscard]] static bool is_live(const Member& member) noexcept;
  [[nodiscard]] static bool is_recoverable(const Member& member, UnixSeconds now) noexcept;
  /// True when the member holds the team's "Team admin" role.
  [[nodiscard]] bool is_team_admin(const Member& member) const noexcept;
  [[nodiscard]] std::uint32_t used_licenses() const noexcept;
  [[nodiscard]] std::uint32_t provisioned_users() const noexcept;

  // Member rules (store_members.cpp, store_removal.cpp).
  AddOutcome add_member(const AddRequest& request, UnixSeconds now);
  std::optional<ApiError> suspend(const UserSelector& user, UnixSeconds now);
  std::optional<ApiError> unsuspend(const UserSelector& user);
  std::optional<ApiError> remove(const RemoveRequest& request, UnixSeconds now);
  std::optional<ApiError> recover(const UserSelector& user, UnixSeconds now);
  /// members/send_welcome_email: the selector error, if any (sending changes nothing).
  [[nodiscard]] std::optional<ApiError> check_welcome_email(const UserSelector& user) const;
  StoreResult<std::size_t> set_profile(const ProfileChange& change, UnixSeconds now);
  StoreResult<std::size_t> set_role(const UserSelector& user, const std::string& role_id);
  /// `/_emulator/accept_invite`: the invited member with this email joins.
  StoreResult<std::size_t> accept_invite(std::string_view email, UnixSeconds now);

  // Group rules (store_groups.cpp): `group` is a live (not deleted) group.
  StoreResult<std::size_t> create_group(const std::string& name,
                                        const std::optional<std::string>& external_id,
                                        GroupManagement management, bool add_creator_as_owner,
                                        UnixSeconds now);
  std::optional<ApiError> update_group(std::size_t group, const GroupUpdate& update);
  /// Deletes a group (deleted ones answer group_already_deleted).
  std::optional<ApiError> delete_group(std::size_t group);
  // Group membership rules (store_group_members.cpp).
  std::optional<ApiError> add_group_members(
      std::size_t group, const std::vector<std::pair<UserSelector, GroupAccess>>& members);
  std::optional<ApiError> remove_group_members(std::size_t group,
                                               const std::vector<UserSelector>& users);
  std::optional<ApiError> set_group_access(std::size_t group, const UserSelector& user,
                                           GroupAccess access);

  // Secondary emails (store_secondary_emails.cpp); the caller checks the per-call limit.
  UserEmailsOutcome add_secondary_emails(const UserSelector& user,
                                         const std::vector<std::string>& emails, UnixSeconds now);
  UserEmailsOutcome delete_secondary_emails(const UserSelector& user,
                                            const std::vector<std::string>& emails);
  UserEmailsOutcome resend_verification_emails(const UserSelector& user,
                                               const std::vector<std::string>& emails) const;
  /// `/_emulator/verify_secondary_email`: the owner of a pending address confirms it.
  StoreResult<std::size_t> verify_secondary_email(std::string_view email);

  // Member space limits (store_space_limits.cpp). Per-user results: the member's index,
  // or nullopt for `invalid_user`. The caller checks the team has a limit and the
  // 1,000-user cap.
  StoreResult<std::vector<std::optional<std::size_t>>> set_custom_quotas(
      const std::vector<std::pair<UserSelector, std::uint32_t>>& quotas);
  std::vector<std::optional<std::size_t>> remove_custom_quotas(
      const std::vector<UserSelector>& users);
  /// Adds (`excluded` true) or removes users from the excluded users list; all or nothing.
  std::optional<ApiError> set_space_limit_excluded(const std::vector<UserSelector>& users,
                                                   bool excluded);

  /// Records a finished asynchronous job and returns its id.
  std::string add_job(std::string route, std::string result);
  /// One poll: true when the job is complete, false while it is still `in_progress`.
  bool poll_job(std::size_t job);

  /// Moves the clock offset by `seconds`; false (nothing changes) when the offset would
  /// leave ±k_max_clock_offset_seconds.
  [[nodiscard]] bool advance_clock(std::int64_t seconds);

  /// Hands over (and forgets) the records changed since the previous call.
  ChangeSet take_changes();

 private:
  template <typename Change>
  void modify(std::size_t index, Change&& change);
  void count(const Member& member, int sign) noexcept;
  void index_member(std::size_t index);
  void unindex_member(std::size_t index);
  void mark_group(std::size_t group);
  void detach_from_groups(std::size_t member);
  [[nodiscard]] bool occupies(std::size_t index, UnixSeconds now) const;
  /// True when `email` (lower case) belongs to someone other than member `index`: a
  /// live or recoverable member's primary address, anyone's secondary, another team.
  [[nodiscard]] bool claimed_by_other(const std::string& email, std::size_t index,
                                      UnixSeconds now) const;
  [[nodiscard]] bool is_verified_domain(std::string_view email) const;
  void index_group(std::size_t group);
  void unindex_group(std::size_t group);
  [[nodiscard]] std::optional<ApiError> check_transfer(const RemoveRequest& request,
                                                       std::size_t removed) const;
  std::size_t append_member(Member member);

  TeamState m_state;
  std::unordered_map<std::string, std::size_t> m_by_member_id;
  std::unordered_map<std::string, std::size_t> m_by_email;  // lower case -> latest record
  std::unordered_map<std::string, std::size_t> m_by_external_id;
  std::unordered_map<std::string, std::size_t> m_by_secondary_email;    // lower case
  std::unordered_map<std::string, std::size_t> m_group_by_id;           // deleted ones too
  std::unordered_map<std::string, std::size_t> m_group_by_external_id;  // live groups
  std::unordered_map<std::string, std::size_t> m_group_by_name;         // live, lower case
  std::unordered_map<std::string, std::size_t> m_job_by_id;
  std::uint32_t m_active = 0;
  std::uint32_t m_invited = 0;
  std::uint32_t m_suspended = 0;
  std::uint32_t m_active_team_admins = 0;
  std::uint32_t m_limited = 0;  // live members with membership_type limited
  ChangeSet m_changes;
};

template <typename Change>
void TeamStore::modify(std::size_t index, Change&& change) {
  count(m_state.members[index], -1);
  unindex_member(index);
  change(m_state.members[index]);
  index_member(index);
  count(m_state.members[index], +1);
  m_changes.members.push_back(index);
}

/// ASCII lower case: how the emulator compares email addresses.
[[nodiscard]] std::string lower_ascii(std::string_view text);

}  // namespace roster::emulator
