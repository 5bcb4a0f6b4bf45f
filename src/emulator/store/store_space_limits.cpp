// Member space limits: custom quotas and the excluded users list (team.stone
// member_space_limits/*, docs/decisions/0109-emulator-space-limits.md).
#include "store/team_store.hpp"

namespace roster::emulator {

StoreResult<std::vector<std::optional<std::size_t>>> TeamStore::set_custom_quotas(
    const std::vector<std::pair<UserSelector, std::uint32_t>>& quotas) {
  std::vector<std::optional<std::size_t>> targets;
  for (const auto& [user, quota_gb] : quotas) {
    targets.push_back(find_on_team(user));
    // Excluded members have no limit at all, so no custom one either: the whole call fails.
    if (targets.back() && member(*targets.back()).space_limit_excluded) {
      return ApiError{"some_users_are_excluded", std::nullopt};
    }
  }
  for (std::size_t i = 0; i < quotas.size(); ++i) {
    if (!targets[i]) continue;
    modify(*targets[i], [&](Member& m) { m.custom_quota_gb = quotas[i].second; });
  }
  return targets;
}

std::vector<std::optional<std::size_t>> TeamStore::remove_custom_quotas(
    const std::vector<UserSelector>& users) {
  std::vector<std::optional<std::size_t>> targets;
  for (const auto& user : users) {
    targets.push_back(find_on_team(user));
    if (targets.back() && member(*targets.back()).custom_quota_gb) {
      modify(*targets.back(), [](Member& m) { m.custom_quota_gb.reset(); });
    }
  }
  return targets;
}

std::optional<ApiError> TeamStore::set_space_limit_excluded(const std::vector<UserSelector>& users,
                                                            bool excluded) {
  std::vector<std::size_t> targets;
  for (const auto& user : users) {
    const auto index = find_on_team(user);
    if (!index) return ApiError{"users_not_in_team", std::nullopt};
    targets.push_back(*index);
  }
  for (const auto index : targets) {
    if (member(index).space_limit_excluded == excluded) continue;
    modify(index, [&](Member& m) {
      m.space_limit_excluded = excluded;
      if (excluded) m.custom_quota_gb.reset();  // an excluded member has no limit at all
    });
  }
  return std::nullopt;
}

}  // namespace roster::emulator
