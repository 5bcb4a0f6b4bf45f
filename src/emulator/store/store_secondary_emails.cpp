// Secondary emails: add, delete, resend verification (team.stone members/secondary_emails/*,
// docs/decisions/0108-emulator-secondary-emails.md).
#include <algorithm>

#include "store/team_store.hpp"

namespace roster::emulator {

namespace {

const SecondaryEmail* find_secondary(const std::vector<SecondaryEmail>& list,
                                     const std::string& lower) {
  const auto it = std::find_if(list.begin(), list.end(), [&](const SecondaryEmail& held) {
    return lower_ascii(held.email) == lower;
  });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace

UserEmailsOutcome TeamStore::add_secondary_emails(const UserSelector& user,
                                                  const std::vector<std::string>& emails,
                                                  UnixSeconds now) {
  const auto index = find_on_team(user);
  if (!index) return {"invalid_user", {}};
  const auto& member = m_state.members[*index];
  if (member.status == MemberStatus::invited) return {"placeholder_user", {}};
  if (!member.email_verified) return {"unverified", {}};
  auto updated = member.secondary_emails;
  UserEmailsOutcome outcome{"success", {}};
  for (const auto& email : emails) {
    const auto lower = lower_ascii(email);
    const auto* held = find_secondary(updated, lower);
    std::string tag = "success";
    if (lower == lower_ascii(member.email) || (held != nullptr && held->verified)) {
      tag = "already_owned_by_user";
    } else if (held != nullptr) {
      tag = "already_pending";
    } else if (claimed_by_other(lower, *index, now)) {
      tag = "unavailable";
    } else if (updated.size() >= k_max_secondary_emails) {
      tag = "reached_limit";
    } else {
      updated.push_back({email, is_verified_domain(email)});
    }
    outcome.emails.push_back({tag, email, tag == "success" && updated.back().verified});
  }
  if (updated.size() != member.secondary_emails.size()) {
    modify(*index, [&](Member& m) { m.secondary_emails = std::move(updated); });
  }
  return outcome;
}

UserEmailsOutcome TeamStore::delete_secondary_emails(const UserSelector& user,
                                                     const std::vector<std::string>& emails) {
  const auto index = find_on_team(user);
  if (!index) return {"invalid_user", {}};
  const auto& member = m_state.members[*index];
  auto kept = member.secondary_emails;
  UserEmailsOutcome outcome{"success", {}};
  for (const auto& email : emails) {
    const auto lower = lower_ascii(email);
    std::string tag = "not_found";
    if (lower == lower_ascii(member.email)) {
      tag = "cannot_remove_primary";
    } else if (find_secondary(kept, lower) != nullptr) {
      std::erase_if(kept,
                    [&](const SecondaryEmail& held) { return lower_ascii(held.email) == lower; });
      tag = "success";
    }
    outcome.emails.push_back({tag, email, false});
  }
  if (kept.size() != member.secondary_emails.size()) {
    modify(*index, [&](Member& m) { m.secondary_emails = std::move(kept); });
  }
  return outcome;
}

UserEmailsOutcome TeamStore::resend_verification_emails(
    const UserSelector& user, const std::vector<std::string>& emails) const {
  const auto index = find_on_team(user);
  if (!index) return {"invalid_user", {}};
  const auto& held = m_state.members[*index].secondary_emails;
  UserEmailsOutcome outcome{"success", {}};
  for (const auto& email : emails) {
    const auto* secondary = find_secondary(held, lower_ascii(email));
    const bool pending = secondary != nullptr && !secondary->verified;
    outcome.emails.push_back({pending ? "success" : "not_pending", email, false});
  }
  return outcome;
}

StoreResult<std::size_t> TeamStore::verify_secondary_email(std::string_view email) {
  const auto lower = lower_ascii(email);
  const auto it = m_by_secondary_email.find(lower);
  if (it == m_by_secondary_email.end()) return ApiError{"no_pending_secondary_email", {}};
  const auto index = it->second;
  const auto* held = find_secondary(m_state.members[index].secondary_emails, lower);
  if (held == nullptr || held->verified) return ApiError{"no_pending_secondary_email", {}};
  modify(index, [&](Member& m) {
    for (auto& secondary : m.secondary_emails) {
      if (lower_ascii(secondary.email) == lower) secondary.verified = true;
    }
  });
  return index;
}

}  // namespace roster::emulator
