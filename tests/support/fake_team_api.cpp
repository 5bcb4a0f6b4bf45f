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
core::Result<dropbox::AdminIdentity> FakeTeamApi::get_authenticated_admin() {
  return dropbox::AdminIdentity{};
}
core::Result<std::vector<model::TeamRole>> FakeTeamApi::get_available_roles() {
  return std::vector<model::TeamRole>{};
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
  return record("suspend " + id);
}
core::Result<void> FakeTeamApi::unsuspend(const std::string& id) {
  return record("unsuspend " + id);
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

}  // namespace roster::test
