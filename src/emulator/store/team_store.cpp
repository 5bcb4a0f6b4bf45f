#include "store/team_store.hpp"

#include <algorithm>

#include "store/ids.hpp"

namespace roster::emulator {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

TeamStore::TeamStore(TeamState state) : m_state(std::move(state)) {
  for (auto& member : m_state.members)
    member.groups.clear();
  for (std::size_t g = 0; g < m_state.groups.size(); ++g) {
    index_group(g);
    for (const auto& entry : m_state.groups[g].members)
      m_state.members[entry.member].groups.push_back(g);
  }
  for (std::size_t i = 0; i < m_state.members.size(); ++i) {
    index_member(i);
    count(m_state.members[i], +1);
  }
  for (std::size_t j = 0; j < m_state.jobs.size(); ++j)
    m_job_by_id[m_state.jobs[j].id] = j;
}

void TeamStore::count(const Member& member, int sign) noexcept {
  const auto delta = static_cast<std::uint32_t>(sign);  // wraps for -1, as intended
  if (member.limited && is_live(member)) m_limited += delta;
  switch (member.status) {
    case MemberStatus::active:
      m_active += delta;
      if (is_team_admin(member)) m_active_team_admins += delta;
      break;
    case MemberStatus::invited:
      m_invited += delta;
      break;
    case MemberStatus::suspended:
      m_suspended += delta;
      break;
    case MemberStatus::removed:
      break;
  }
}

void TeamStore::index_member(std::size_t index) {
  const auto& member = m_state.members[index];
  m_by_member_id[member.team_member_id] = index;
  // An address or external id maps to its newest record, but a removed record never
  // shadows a live one.
  auto claim = [&](std::unordered_map<std::string, std::size_t>& map, const std::string& key) {
    auto [it, inserted] = map.try_emplace(key, index);
    if (inserted || it->second == index) return;
    const auto& holder = m_state.members[it->second];
    if (!is_live(holder) && (is_live(member) || index > it->second)) it->second = index;
  };
  claim(m_by_email, lower_ascii(member.email));
  if (member.external_id) claim(m_by_external_id, *member.external_id);
  for (const auto& secondary : member.secondary_emails)
    m_by_secondary_email[lower_ascii(secondary.email)] = index;
}

void TeamStore::unindex_member(std::size_t index) {
  const auto& member = m_state.members[index];
  if (auto it = m_by_email.find(lower_ascii(member.email));
      it != m_by_email.end() && it->second == index) {
    m_by_email.erase(it);
  }
  if (member.external_id) {
    if (auto it = m_by_external_id.find(*member.external_id);
        it != m_by_external_id.end() && it->second == index) {
      m_by_external_id.erase(it);
    }
  }
  for (const auto& secondary : member.secondary_emails) {
    if (auto it = m_by_secondary_email.find(lower_ascii(secondary.email));
        it != m_by_secondary_email.end() && it->second == index) {
      m_by_secondary_email.erase(it);
    }
  }
}

// Deleted groups keep their id (group_already_deleted) but give up name and external id.
void TeamStore::index_group(std::size_t index) {
  const auto& group = m_state.groups[index];
  m_group_by_id[group.group_id] = index;
  if (group.deleted) return;
  if (group.external_id) m_group_by_external_id[*group.external_id] = index;
  m_group_by_name[lower_ascii(group.name)] = index;
}

void TeamStore::unindex_group(std::size_t index) {
  const auto& group = m_state.groups[index];
  if (group.external_id) {
    if (auto it = m_group_by_external_id.find(*group.external_id);
        it != m_group_by_external_id.end() && it->second == index) {
      m_group_by_external_id.erase(it);
    }
  }
  if (auto it = m_group_by_name.find(lower_ascii(group.name));
      it != m_group_by_name.end() && it->second == index) {
    m_group_by_name.erase(it);
  }
}

Lookup TeamStore::find(const UserSelector& selector) const {
  const std::unordered_map<std::string, std::size_t>* index = &m_by_member_id;
  std::string key = selector.value;
  if (selector.kind == UserSelector::Kind::email) {
    index = &m_by_email;
    key = lower_ascii(key);
  } else if (selector.kind == UserSelector::Kind::external_id) {
    index = &m_by_external_id;
  }
  if (auto it = index->find(key); it != index->end()) {
    return {Lookup::Found::member, it->second};
  }
  if (selector.kind == UserSelector::Kind::email) {
    const auto& others = m_state.info.other_team_emails;
    if (std::find(others.begin(), others.end(), key) != others.end()) {
      return {Lookup::Found::not_in_team, 0};
    }
  }
  return {Lookup::Found::not_found, 0};
}

std::optional<std::size_t> TeamStore::find_on_team(const UserSelector& selector) const {
  const auto found = find(selector);
  if (found.found != Lookup::Found::member || !is_live(m_state.members[found.index])) {
    return std::nullopt;
  }
  return found.index;
}

std::optional<std::size_t> TeamStore::find_group(const GroupSelector& selector) const {
  const auto& index =
      selector.kind == GroupSelector::Kind::group_id ? m_group_by_id : m_group_by_external_id;
  if (auto it = index.find(selector.value); it != index.end()) return it->second;
  if (selector.kind == GroupSelector::Kind::group_external_id) {
    // No live group has this external id: the newest deleted one that had it, if any.
    const auto& groups = m_state.groups;
    for (auto g = groups.size(); g-- > 0;) {
      if (groups[g].deleted && groups[g].external_id == selector.value) return g;
    }
  }
  return std::nullopt;
}

StoreResult<std::size_t> TeamStore::find_live_group(const GroupSelector& selector) const {
  const auto group = find_group(selector);
  if (!group || m_state.groups[*group].deleted) return ApiError{"group_not_found", std::nullopt};
  return *group;
}

std::optional<std::size_t> TeamStore::find_job(std::string_view id) const {
  if (auto it = m_job_by_id.find(std::string(id)); it != m_job_by_id.end()) return it->second;
  return std::nullopt;
}

std::optional<std::size_t> TeamStore::token_admin() const {
  if (m_state.info.admin_email.empty()) return std::nullopt;
  const auto found = find({UserSelector::Kind::email, m_state.info.admin_email});
  if (found.found != Lookup::Found::member) return std::nullopt;
  return found.index;
}

bool TeamStore::is_live(const Member& member) noexcept {
  return member.status != MemberStatus::removed;
}

bool TeamStore::is_recoverable(const Member& member, UnixSeconds now) noexcept {
  return member.status == MemberStatus::removed && member.removal_recoverable &&
         now - member.removed_on < k_recovery_window_seconds;
}

bool TeamStore::is_team_admin(const Member& member) const noexcept {
  return !member.role_id.empty() && member.role_id == m_state.info.team_admin_role_id;
}

std::uint32_t TeamStore::used_licenses() const noexcept {
  return m_active + m_invited + m_suspended - m_limited;
}

std::uint32_t TeamStore::provisioned_users() const noexcept {
  return m_active + m_invited;
}

bool TeamStore::occupies(std::size_t index, UnixSeconds now) const {
  const auto& member = m_state.members[index];
  return is_live(member) || is_recoverable(member, now);
}

bool TeamStore::claimed_by_other(const std::string& email, std::size_t index,
                                 UnixSeconds now) const {
  if (auto it = m_by_email.find(email);
      it != m_by_email.end() && it->second != index && occupies(it->second, now)) {
    return true;
  }
  if (auto it = m_by_secondary_email.find(email);
      it != m_by_secondary_email.end() && it->second != index) {
    return true;
  }
  const auto& others = m_state.info.other_team_emails;
  return std::find(others.begin(), others.end(), email) != others.end();
}

bool TeamStore::is_verified_domain(std::string_view email) const {
  const auto domain = lower_ascii(email.substr(email.find('@') + 1));
  const auto& info = m_state.info;
  if (!info.verified_domains) {
    const auto& admin = info.admin_email;
    return !admin.empty() && lower_ascii(admin.substr(admin.find('@') + 1)) == domain;
  }
  const auto& domains = *info.verified_domains;
  return std::find(domains.begin(), domains.end(), domain) != domains.end();
}

std::size_t TeamStore::append_member(Member member) {
  m_state.members.push_back(std::move(member));
  const auto index = m_state.members.size() - 1;
  index_member(index);
  count(m_state.members[index], +1);
  m_changes.members.push_back(index);
  m_changes.info = true;  // the sequence counters moved
  return index;
}

std::string TeamStore::add_job(std::string route, std::string result) {
  Job job;
  job.id = make_job_id(m_state.info.next_job_seq++);
  job.route = std::move(route);
  job.result = std::move(result);
  m_state.jobs.push_back(std::move(job));
  const auto index = m_state.jobs.size() - 1;
  m_job_by_id[m_state.jobs[index].id] = index;
  m_changes.jobs.push_back(index);
  m_changes.info = true;
  return m_state.jobs[index].id;
}

bool TeamStore::poll_job(std::size_t job) {
  auto& entry = m_state.jobs[job];
  if (entry.polls_in_progress > 0) {
    --entry.polls_in_progress;  // not journalled: after a restart a job may report once more
    return false;
  }
  return true;
}

bool TeamStore::advance_clock(std::int64_t seconds) {
  // The offset is already within the bound, so these differences cannot overflow.
  const auto offset = m_state.info.clock_offset_seconds;
  if (seconds > k_max_clock_offset_seconds - offset ||
      seconds < -k_max_clock_offset_seconds - offset) {
    return false;
  }
  m_state.info.clock_offset_seconds += seconds;
  m_changes.info = true;
  return true;
}

ChangeSet TeamStore::take_changes() {
  auto dedupe = [](std::vector<std::size_t>& items) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
  };
  dedupe(m_changes.members);
  dedupe(m_changes.groups);
  dedupe(m_changes.jobs);
  return std::exchange(m_changes, ChangeSet{});
}

}  // namespace roster::emulator
