#include "rehearsal_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>

namespace roster::cli {

namespace {

// What the emulator cannot tell about a step (docs/emulator.md, "Not emulated"), or "".
// Keep in step with that list: a step it does not cover would read as a certainty.
const char* limit_of(const plan::PlanStep& step) {
  using plan::Action;
  switch (step.action) {
    case Action::invite:
      return "invitations: no email is delivered, and the emulator knows no other team, SSO "
             "or domain policy, so user_on_another_team and similar refusals cannot show";
    case Action::resend_welcome_email:
      return "welcome emails: nothing is delivered";
    case Action::add_secondary_email:
      return "secondary emails: no verification email is delivered, and which domains verify "
             "at once and the limit of 10 per member are the emulator's choices";
    case Action::recover:
      return "recoveries: Dropbox does not say when a member was removed, so the copy keeps "
             "the 7-day window open from the snapshot's time";
    case Action::set_space_limit:
      return "space limits: the team's member space limit is not in the API, so the copy "
             "assumes one; a refusal that depends on it cannot show";
    case Action::remove:
      if (!step.transfer_to.empty()) {
        return "removals with a file transfer: the files are not moved, so transfers in "
               "progress, legal holds and the transfer's duration cannot show";
      }
      return step.wipe_data ? "removals that wipe devices: no device is wiped" : "";
    case Action::suspend:
      return step.wipe_data ? "suspensions that wipe devices: no device is wiped" : "";
    default:
      return "";
  }
}

}  // namespace

std::string team_counts(const model::ObservedTeam& team) {
  std::array<std::size_t, 4> by_status{};
  std::map<std::string, std::size_t> by_role;
  for (const auto& m : team.members) {
    ++by_status[static_cast<std::size_t>(m.status)];
    if (model::is_live(m)) ++by_role[model::to_string(m.role)];
  }
  using model::MemberStatus;
  const auto count = [&](MemberStatus s) { return by_status[static_cast<std::size_t>(s)]; };
  std::string roles;
  for (const auto& [role, n] : by_role)
    roles += fmt::format("{}{} {}", roles.empty() ? "" : ", ", n, role);
  return fmt::format(
      "{} live ({} active, {} invited, {} suspended), {} removed; roles of live members: {}",
      count(MemberStatus::active) + count(MemberStatus::invited) + count(MemberStatus::suspended),
      count(MemberStatus::active), count(MemberStatus::invited), count(MemberStatus::suspended),
      count(MemberStatus::removed), roles.empty() ? "none" : roles);
}

std::vector<std::string> rehearsal_limits(const plan::Plan& plan) {
  std::vector<std::pair<std::string, std::vector<std::string>>> limits;  // in first-seen order
  for (const auto& step : plan.steps) {
    const std::string limit = limit_of(step);
    if (limit.empty()) continue;
    auto it = std::find_if(limits.begin(), limits.end(),
                           [&](const auto& entry) { return entry.first == limit; });
    if (it == limits.end()) it = limits.insert(limits.end(), {limit, {}});
    it->second.push_back(step.email);
  }
  std::vector<std::string> out;
  for (const auto& [limit, emails] : limits) {
    std::string who;
    for (std::size_t i = 0; i < emails.size() && i < 5; ++i)
      who += (i == 0 ? "" : ", ") + emails[i];
    if (emails.size() > 5) who += fmt::format(" and {} more", emails.size() - 5);
    out.push_back(fmt::format("{} ({})", limit, who));
  }
  return out;
}

}  // namespace roster::cli
