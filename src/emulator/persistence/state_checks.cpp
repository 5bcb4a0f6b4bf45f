#include "persistence/state_checks.hpp"

#include <unordered_map>

#include "store/team_store.hpp"

namespace roster::emulator {

namespace {

using Owners = std::unordered_map<std::string, std::size_t>;  // lower-case address -> member

std::string where(std::size_t member) {
  return "members[" + std::to_string(member) + "]";
}

std::optional<std::string> check_secondary_emails(const Member& member, std::size_t index,
                                                  Owners& owners) {
  const auto& list = member.secondary_emails;
  if (list.empty()) return std::nullopt;
  const auto at = where(index) + ".secondary_emails";
  if (member.status == MemberStatus::invited) {
    return at + ": an invited member cannot have any yet (placeholder_user)";
  }
  if (list.size() > k_max_secondary_emails) {
    return at + ": more than " + std::to_string(k_max_secondary_emails);
  }
  for (std::size_t j = 0; j < list.size(); ++j) {
    const auto [holder, fresh] = owners.emplace(lower_ascii(list[j].email), index);
    if (!fresh) {
      return at + "[" + std::to_string(j) + "]: " + list[j].email + " is already held by " +
             where(holder->second);
    }
  }
  return std::nullopt;
}

std::optional<std::string> check_space_limit(const TeamInfo& info, const Member& member,
                                             std::size_t index) {
  if (!member.custom_quota_gb) return std::nullopt;
  if (!info.member_space_limit_gb) {
    return where(index) + ".custom_quota_gb: the team has no member_space_limit_gb";
  }
  if (member.space_limit_excluded) {
    return where(index) + ".custom_quota_gb: an excluded member (space_limit_excluded) has none";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_state(const TeamState& state) {
  Owners owners;
  for (std::size_t i = 0; i < state.members.size(); ++i) {
    const auto& member = state.members[i];
    if (member.status == MemberStatus::removed) continue;
    if (!owners.emplace(lower_ascii(member.email), i).second) {
      return where(i) + ".email: " + member.email + " is already a live member";
    }
  }
  for (std::size_t i = 0; i < state.members.size(); ++i) {
    const auto& member = state.members[i];
    if (member.status == MemberStatus::removed &&
        (!member.secondary_emails.empty() || member.custom_quota_gb ||
         member.space_limit_excluded)) {
      return where(i) + ": a removed member has no secondary emails, custom quota or exclusion";
    }
    if (auto problem = check_secondary_emails(member, i, owners)) return problem;
    if (auto problem = check_space_limit(state.info, member, i)) return problem;
  }
  for (std::size_t g = 0; g < state.groups.size(); ++g) {
    if (state.groups[g].deleted && !state.groups[g].members.empty()) {
      return "groups[" + std::to_string(g) + "].members: a deleted group has none";
    }
  }
  return std::nullopt;
}

}  // namespace roster::emulator
