#pragma once

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "roster/core/clock.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::test {

/// Time that moves only when someone sleeps: retries and backoff run instantly.
class ManualClock final : public core::Clock {
 public:
  time_point now() override {
    std::lock_guard lock(m_mutex);
    return m_now;
  }
  void sleep_for(std::chrono::milliseconds d, std::stop_token) override {
    std::lock_guard lock(m_mutex);
    m_now += d;
    m_slept += d;
  }
  std::chrono::milliseconds slept() {
    std::lock_guard lock(m_mutex);
    return m_slept;
  }

 private:
  std::mutex m_mutex;
  time_point m_now{};
  std::chrono::milliseconds m_slept{0};
};

/// An in-memory TeamApi for executor logic. Each call is recorded as "method id";
/// `script(call, errors)` makes the next calls of that kind fail with those errors, in
/// order, before succeeding. Thread-safe.
class FakeTeamApi final : public dropbox::TeamApi {
 public:
  void script(const std::string& call, std::vector<core::Error> errors);
  /// add_members answers these tags for these emails (empty tag: success).
  void add_outcome(const std::string& email, const std::string& tag);

  std::vector<std::string> calls();
  int max_in_flight() const { return m_max_in_flight.load(); }
  std::vector<std::vector<std::string>> add_batches();
  /// Called after each recorded call with its name (e.g. to stop the run part-way).
  void on_call(std::function<void(const std::string&)> hook);

  core::Result<dropbox::TeamInfo> get_team_info() override;
  core::Result<dropbox::ApiPing> ping() override;
  core::Result<dropbox::AdminIdentity> get_authenticated_admin() override;
  core::Result<std::vector<model::TeamRole>> get_available_roles() override;
  core::Result<std::vector<model::ObservedMember>> list_members_page(const std::string&,
                                                                     std::string&) override;
  core::Result<dropbox::AddBatch> add_members(
      const std::vector<dropbox::NewMember>& members) override;
  core::Result<void> suspend(const std::string& id, bool wipe) override;
  core::Result<void> unsuspend(const std::string& id) override;
  core::Result<void> send_welcome_email(const std::string& id) override;
  // Bulk suspension (issue 10): a launch is recorded as "bulk_suspend" (script it under that
  // name) and suspends every row but those named by bulk_row_fails(); the job's wait is
  // "bulk_status", each read-back "get_members" (sizes in bulk_batches(), get_batches()).
  // suspend() and a bulk row mark a member suspended; get_members reports that, else active.
  core::Result<std::string> launch_bulk_suspend(
      const std::vector<dropbox::BulkSuspendTarget>& targets) override;
  core::Result<dropbox::BulkSuspendJob> wait_bulk_suspend(const std::string& job_id) override;
  core::Result<std::vector<std::optional<model::ObservedMember>>> get_members(
      const std::vector<std::string>& ids) override;
  void bulk_row_fails(const std::string& id);
  std::vector<std::vector<dropbox::BulkSuspendTarget>> bulk_batches();
  std::vector<std::size_t> get_batches();
  core::Result<std::string> remove(const std::string& id, const dropbox::RemoveArgs& args) override;
  core::Result<void> recover(const std::string& id) override;
  core::Result<void> set_profile(const std::string& id, const dropbox::ProfileUpdate&) override;
  // Access (issue 9): recorded as "set_role ID-or-email role_id", "add_group_members GROUP
  // ID-or-email...", and so on; list_groups() answers `groups`.
  std::vector<model::ObservedGroup> groups;
  /// Per-item answers of the secondary-email and quota calls: `item` is "REF:EMAIL" for a
  /// secondary email, "REF" for a quota (REF: the team_member_id, or the email when none).
  void item_outcome(const std::string& item, const std::string& tag);
  /// As item_outcome, one tag per call in turn; the last one stays.
  void item_outcomes(const std::string& item, std::vector<std::string> tags);
  /// get_available_roles() answers these (recorded as "get_available_roles").
  std::vector<model::TeamRole> roles;
  core::Result<void> set_role(const dropbox::UserRef& user, const std::string& role_id) override;
  core::Result<std::vector<model::ObservedGroup>> list_groups() override;
  core::Result<std::vector<model::ObservedGroupMember>> list_group_members(
      const std::string& group_id) override;
  core::Result<std::string> create_group(const dropbox::NewGroup& group) override;
  core::Result<void> update_group(const std::string& group_id,
                                  const dropbox::GroupUpdate& update) override;
  core::Result<void> delete_group(const std::string& group_id) override;
  core::Result<void> add_group_members(
      const std::string& group_id, const std::vector<dropbox::GroupMemberAccess>& members) override;
  core::Result<void> remove_group_members(const std::string& group_id,
                                          const std::vector<dropbox::UserRef>& users) override;
  core::Result<void> set_group_access(const std::string& group_id, const dropbox::UserRef& user,
                                      model::GroupAccess access) override;
  core::Result<std::vector<dropbox::ItemOutcome>> add_secondary_emails(
      const std::vector<dropbox::MemberEmails>& batch) override;
  core::Result<std::vector<dropbox::ItemOutcome>> delete_secondary_emails(
      const std::vector<dropbox::MemberEmails>& batch) override;
  core::Result<std::vector<std::optional<std::uint32_t>>> get_custom_quotas(
      const std::vector<dropbox::UserRef>& users) override;
  core::Result<std::vector<dropbox::ItemOutcome>> set_custom_quotas(
      const std::vector<dropbox::MemberQuota>& quotas) override;
  core::Result<std::vector<dropbox::ItemOutcome>> remove_custom_quotas(
      const std::vector<dropbox::UserRef>& users) override;
  core::Result<std::vector<std::string>> list_quota_excluded() override;

  /// Fails with `missing` (an unauthorized error) when set by deny_scopes().
  core::Result<void> check_scopes(const std::vector<dropbox::Write>& writes) override;
  void deny_scopes(core::Error missing);

 private:
  core::Result<void> record(const std::string& call);
  std::string item_tag(const std::string& item);
  core::Result<std::vector<dropbox::ItemOutcome>> email_batch(
      std::string call, const std::vector<dropbox::MemberEmails>& batch);

  std::mutex m_mutex;
  std::vector<std::string> m_calls;
  std::map<std::string, std::deque<core::Error>> m_scripts;
  std::map<std::string, std::string> m_add_tags;
  std::map<std::string, std::deque<std::string>> m_item_tags;
  std::vector<std::vector<std::string>> m_batches;
  std::vector<std::vector<dropbox::BulkSuspendTarget>> m_bulk_batches;
  std::vector<std::size_t> m_get_batches;
  std::set<std::string> m_suspended;
  std::set<std::string> m_bulk_row_fails;
  dropbox::BulkSuspendJob m_last_job;
  std::function<void(const std::string&)> m_hook;
  std::optional<core::Error> m_scope_error;
  std::atomic<int> m_in_flight{0};
  std::atomic<int> m_max_in_flight{0};
};

/// Errors as dropbox/ classifies them.
core::Error conflict(const std::string& tag);
core::Error rate_limited(int retry_after_seconds);
core::Error unavailable();

}  // namespace roster::test
