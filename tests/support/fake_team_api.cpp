#include "support/fake_team_api.hpp"

#include <algorithm>
#include <thread>

namespace roster::test {

core::Error conflict(const std::string& tag) {
  auto e = core::make_error(core::ErrorKind::conflict, "failed: " + tag);
  e.api_tag = tag;
  e.http_status = 409;
  return e;
}

core::Error rate_limited(int seconds) {
  auto e = core::make_error(core::ErrorKind::rate_limited, "rate limited");
  e.retry_after = std::chrono::seconds(seconds);
  e.http_status = 429;
  return e;
}

core::Error unavailable() {
  return core::make_error(core::ErrorKind::unavailable, "dropped");
}

void FakeTeamApi::script(const std::string& call, std::vector<core::Error> errors) {
  std::lock_guard lock(m_mutex);
  for (auto& e : errors)
    m_scripts[call].push_back(std::move(e));
}

void FakeTeamApi::add_outcome(const std::string& email, const std::string& tag) {
  std::lock_guard lock(m_mutex);
  m_add_tags[email] = tag;
}

void FakeTeamApi::item_outcome(const std::string& item, const std::string& tag) {
  item_outcomes(item, {tag});
}

void FakeTeamApi::item_outcomes(const std::string& item, std::vector<std::string> tags) {
  std::lock_guard lock(m_mutex);
  m_item_tags[item] = std::deque<std::string>(tags.begin(), tags.end());
}

std::string FakeTeamApi::item_tag(const std::string& item) {
  std::lock_guard lock(m_mutex);
  auto it = m_item_tags.find(item);
  if (it == m_item_tags.end() || it->second.empty()) return "";
  auto tag = it->second.front();
  if (it->second.size() > 1) it->second.pop_front();
  return tag;
}

std::vector<std::string> FakeTeamApi::calls() {
  std::lock_guard lock(m_mutex);
  return m_calls;
}

void FakeTeamApi::on_call(std::function<void(const std::string&)> hook) {
  std::lock_guard lock(m_mutex);
  m_hook = std::move(hook);
}

std::vector<std::vector<std::string>> FakeTeamApi::add_batches() {
  std::lock_guard lock(m_mutex);
  return m_batches;
}

core::Result<void> FakeTeamApi::record(const std::string& call) {
  int now = ++m_in_flight;
  int seen = m_max_in_flight.load();
  while (now > seen && !m_max_in_flight.compare_exchange_weak(seen, now)) {
  }
  // Long enough for concurrent workers to overlap, so max_in_flight means something.
  std::this_thread::sleep_for(std::chrono::milliseconds(2));
  --m_in_flight;
  std::function<void(const std::string&)> hook;
  {
    std::lock_guard lock(m_mutex);
    hook = m_hook;
  }
  if (hook) hook(call);
  std::lock_guard lock(m_mutex);
  m_calls.push_back(call);
  auto it = m_scripts.find(call);
  if (it != m_scripts.end() && !it->second.empty()) {
    auto error = it->second.front();
    it->second.pop_front();
    return error;
  }
  return {};
}

core::Result<dropbox::TeamInfo> FakeTeamApi::get_team_info() {
  return dropbox::TeamInfo{};
}
core::Result<dropbox::ApiPing> FakeTeamApi::ping() {
  return dropbox::ApiPing{200, {}, {}};
}
core::Result<dropbox::AdminIdentity> FakeTeamApi::get_authenticated_admin() {
  return dropbox::AdminIdentity{};
}
core::Result<std::vector<model::TeamRole>> FakeTeamApi::get_available_roles() {
  if (auto r = record("get_available_roles"); !r) return r.error();
  std::lock_guard lock(m_mutex);
  return roles;
}
core::Result<std::vector<model::ObservedMember>> FakeTeamApi::list_members_page(const std::string&,
                                                                                std::string& next) {
  next.clear();
  return std::vector<model::ObservedMember>{};
}

core::Result<dropbox::AddBatch> FakeTeamApi::add_members(
    const std::vector<dropbox::NewMember>& members) {
  std::vector<std::string> emails;
  for (const auto& m : members)
    emails.push_back(m.email);
  {
    std::lock_guard lock(m_mutex);
    m_batches.push_back(emails);
  }
  auto result = record("add " + emails.front());
  if (!result) return result.error();
  std::vector<dropbox::AddOutcome> outcomes;
  std::lock_guard lock(m_mutex);
  for (const auto& e : emails) {
    auto tag = m_add_tags.find(e);
    outcomes.push_back({e, tag == m_add_tags.end() ? "" : tag->second});
  }
  return dropbox::AddBatch{outcomes, "job:add " + emails.front()};
}

core::Result<void> FakeTeamApi::suspend(const std::string& id, bool) {
  auto result = record("suspend " + id);
  if (!result) return result;
  std::lock_guard lock(m_mutex);
  m_suspended.insert(id);
  return result;
}

void FakeTeamApi::bulk_row_fails(const std::string& id) {
  std::lock_guard lock(m_mutex);
  m_bulk_row_fails.insert(id);
}

std::vector<std::vector<dropbox::BulkSuspendTarget>> FakeTeamApi::bulk_batches() {
  std::lock_guard lock(m_mutex);
  return m_bulk_batches;
}

std::vector<std::size_t> FakeTeamApi::get_batches() {
  std::lock_guard lock(m_mutex);
  return m_get_batches;
}

core::Result<std::string> FakeTeamApi::launch_bulk_suspend(
    const std::vector<dropbox::BulkSuspendTarget>& targets) {
  auto result = record("bulk_suspend");
  if (!result) return result.error();
  std::lock_guard lock(m_mutex);
  m_bulk_batches.push_back(targets);
  dropbox::BulkSuspendJob job;
  job.job_id = "job:bulk " + std::to_string(m_bulk_batches.size());
  job.requested = static_cast<std::int64_t>(targets.size());
  for (const auto& t : targets) {
    if (m_bulk_row_fails.count(t.team_member_id) != 0 ||
        !m_suspended.insert(t.team_member_id).second) {
      ++job.failed;
    } else {
      ++job.suspended;
    }
  }
  job.report_delivery = "bulk_suspend_report_delivery_status_delivered";
  m_last_job = job;
  return job.job_id;
}

core::Result<dropbox::BulkSuspendJob> FakeTeamApi::wait_bulk_suspend(const std::string&) {
  auto result = record("bulk_status");
  if (!result) return result.error();
  std::lock_guard lock(m_mutex);
  return m_last_job;
}

core::Result<std::vector<std::optional<model::ObservedMember>>> FakeTeamApi::get_members(
    const std::vector<std::string>& ids) {
  auto result = record("get_members");
  if (!result) return result.error();
  std::lock_guard lock(m_mutex);
  m_get_batches.push_back(ids.size());
  std::vector<std::optional<model::ObservedMember>> members;
  for (const auto& id : ids) {
    model::ObservedMember m;
    m.team_member_id = id;
    m.status =
        m_suspended.count(id) != 0 ? model::MemberStatus::suspended : model::MemberStatus::active;
    members.push_back(m);
  }
  return members;
}
core::Result<void> FakeTeamApi::unsuspend(const std::string& id) {
  return record("unsuspend " + id);
}
core::Result<void> FakeTeamApi::send_welcome_email(const std::string& id) {
  return record("send_welcome_email " + id);
}
core::Result<std::string> FakeTeamApi::remove(const std::string& id, const dropbox::RemoveArgs&) {
  auto result = record("remove " + id);
  if (!result) return result.error();
  return "job:remove " + id;
}
core::Result<void> FakeTeamApi::recover(const std::string& id) {
  return record("recover " + id);
}
core::Result<void> FakeTeamApi::set_profile(const std::string& id, const dropbox::ProfileUpdate&) {
  return record("update " + id);
}

core::Result<void> FakeTeamApi::check_scopes(const std::vector<dropbox::Write>&) {
  std::lock_guard lock(m_mutex);
  m_calls.push_back("check_scopes");
  if (m_scope_error) return *m_scope_error;
  return {};
}

void FakeTeamApi::deny_scopes(core::Error missing) {
  std::lock_guard lock(m_mutex);
  m_scope_error = std::move(missing);
}

namespace {

std::string ref(const dropbox::UserRef& user) {
  return user.team_member_id.empty() ? user.email : user.team_member_id;
}

}  // namespace

core::Result<void> FakeTeamApi::set_role(const dropbox::UserRef& user, const std::string& role_id) {
  return record("set_role " + ref(user) + " " + role_id);
}
core::Result<std::vector<model::ObservedGroup>> FakeTeamApi::list_groups() {
  if (auto r = record("list_groups"); !r) return r.error();
  std::lock_guard lock(m_mutex);
  return groups;
}
core::Result<std::vector<model::ObservedGroupMember>> FakeTeamApi::list_group_members(
    const std::string& group_id) {
  if (auto r = record("list_group_members " + group_id); !r) return r.error();
  std::lock_guard lock(m_mutex);
  for (const auto& g : groups) {
    if (g.group_id == group_id)
      return g.members.value_or(std::vector<model::ObservedGroupMember>{});
  }
  return std::vector<model::ObservedGroupMember>{};
}
core::Result<std::string> FakeTeamApi::create_group(const dropbox::NewGroup& group) {
  if (auto r = record("create_group " + group.name); !r) return r.error();
  return "g:" + group.name;
}
core::Result<void> FakeTeamApi::update_group(const std::string& group_id,
                                             const dropbox::GroupUpdate&) {
  return record("update_group " + group_id);
}
core::Result<void> FakeTeamApi::delete_group(const std::string& group_id) {
  return record("delete_group " + group_id);
}
core::Result<void> FakeTeamApi::add_group_members(
    const std::string& group_id, const std::vector<dropbox::GroupMemberAccess>& members) {
  std::string call = "add_group_members " + group_id;
  for (const auto& m : members)
    call += " " + ref(m.user) + ":" + model::to_string(m.access);
  return record(call);
}
core::Result<void> FakeTeamApi::remove_group_members(const std::string& group_id,
                                                     const std::vector<dropbox::UserRef>& users) {
  std::string call = "remove_group_members " + group_id;
  for (const auto& u : users)
    call += " " + ref(u);
  return record(call);
}
core::Result<void> FakeTeamApi::set_group_access(const std::string& group_id,
                                                 const dropbox::UserRef& user,
                                                 model::GroupAccess access) {
  return record("set_group_access " + group_id + " " + ref(user) + " " + model::to_string(access));
}
core::Result<std::vector<dropbox::ItemOutcome>> FakeTeamApi::add_secondary_emails(
    const std::vector<dropbox::MemberEmails>& batch) {
  return email_batch("add_secondary_emails", batch);
}
core::Result<std::vector<dropbox::ItemOutcome>> FakeTeamApi::delete_secondary_emails(
    const std::vector<dropbox::MemberEmails>& batch) {
  return email_batch("delete_secondary_emails", batch);
}

// One recorded call for a batch of secondary emails, and an outcome per email.
core::Result<std::vector<dropbox::ItemOutcome>> FakeTeamApi::email_batch(
    std::string call, const std::vector<dropbox::MemberEmails>& batch) {
  std::vector<dropbox::ItemOutcome> out;
  for (const auto& m : batch) {
    for (const auto& e : m.emails) {
      call += " " + ref(m.user) + ":" + e;
      out.push_back({m.user, e, item_tag(ref(m.user) + ":" + e)});
    }
  }
  if (auto r = record(call); !r) return r.error();
  return out;
}
core::Result<std::vector<std::optional<std::uint32_t>>> FakeTeamApi::get_custom_quotas(
    const std::vector<dropbox::UserRef>& users) {
  if (auto r = record("get_custom_quotas " + std::to_string(users.size())); !r) return r.error();
  return std::vector<std::optional<std::uint32_t>>(users.size());
}
core::Result<std::vector<dropbox::ItemOutcome>> FakeTeamApi::set_custom_quotas(
    const std::vector<dropbox::MemberQuota>& quotas) {
  std::string call = "set_custom_quotas";
  std::vector<dropbox::ItemOutcome> out;
  for (const auto& q : quotas) {
    call += " " + ref(q.user) + ":" + std::to_string(q.quota_gb);
    out.push_back({q.user, "", item_tag(ref(q.user))});
  }
  if (auto r = record(call); !r) return r.error();
  return out;
}
core::Result<std::vector<dropbox::ItemOutcome>> FakeTeamApi::remove_custom_quotas(
    const std::vector<dropbox::UserRef>& users) {
  std::string call = "remove_custom_quotas";
  std::vector<dropbox::ItemOutcome> out;
  for (const auto& u : users) {
    call += " " + ref(u);
    out.push_back({u, "", item_tag(ref(u))});
  }
  if (auto r = record(call); !r) return r.error();
  return out;
}
core::Result<std::vector<std::string>> FakeTeamApi::list_quota_excluded() {
  if (auto r = record("list_quota_excluded"); !r) return r.error();
  return std::vector<std::string>{};
}

}  // namespace roster::test
