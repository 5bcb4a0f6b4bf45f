#include "member_json.hpp"

#include <cctype>

#include "roles.hpp"
#include "timestamp.hpp"

namespace roster::emulator {

namespace {

nlohmann::json name_json(const Member& member) {
  std::string display = member.given_name;
  if (!member.surname.empty()) display += (display.empty() ? "" : " ") + member.surname;
  if (display.empty()) display = member.email.substr(0, member.email.find('@'));
  std::string initials;
  for (const auto* part : {&member.given_name, &member.surname}) {
    if (!part->empty()) {
      initials += static_cast<char>(std::toupper(static_cast<unsigned char>((*part)[0])));
    }
  }
  return {{"given_name", member.given_name},
          {"surname", member.surname},
          {"familiar_name", member.given_name.empty() ? display : member.given_name},
          {"display_name", display},
          {"abbreviated_name", initials}};
}

nlohmann::json status_json(const Member& member, UnixSeconds now) {
  nlohmann::json status = {{".tag", status_tag(member.status)}};
  if (member.status == MemberStatus::removed) {
    status["is_recoverable"] = TeamStore::is_recoverable(member, now);
    status["is_disconnected"] = member.is_disconnected;
  }
  return status;
}

}  // namespace

const char* status_tag(MemberStatus status) {
  switch (status) {
    case MemberStatus::active:
      return "active";
    case MemberStatus::invited:
      return "invited";
    case MemberStatus::suspended:
      return "suspended";
    case MemberStatus::removed:
      return "removed";
  }
  return "active";
}

const char* management_tag(GroupManagement management) {
  switch (management) {
    case GroupManagement::user_managed:
      return "user_managed";
    case GroupManagement::company_managed:
      return "company_managed";
    case GroupManagement::system_managed:
      return "system_managed";
  }
  return "company_managed";
}

const char* access_tag(GroupAccess access) {
  return access == GroupAccess::owner ? "owner" : "member";
}

nlohmann::json member_profile_json(const Member& member, UnixSeconds now) {
  nlohmann::json profile = {{"team_member_id", member.team_member_id},
                            {"account_id", member.account_id},
                            {"email", member.email},
                            {"email_verified", member.email_verified},
                            {"status", status_json(member, now)},
                            {"name", name_json(member)},
                            {"membership_type", {{".tag", "full"}}}};
  if (member.external_id) profile["external_id"] = *member.external_id;
  if (member.status == MemberStatus::invited && member.invited_on != 0) {
    profile["invited_on"] = format_timestamp(member.invited_on);
  }
  if (member.joined_on != 0) profile["joined_on"] = format_timestamp(member.joined_on);
  if (member.status == MemberStatus::suspended && member.suspended_on != 0) {
    profile["suspended_on"] = format_timestamp(member.suspended_on);
  }
  return profile;
}

nlohmann::json team_member_profile_json(const TeamStore& store, std::size_t index,
                                        UnixSeconds now) {
  const auto& member = store.member(index);
  auto profile = member_profile_json(member, now);
  auto groups = nlohmann::json::array();
  for (const auto group : member.groups)
    groups.push_back(store.group(group).group_id);
  profile["groups"] = std::move(groups);
  profile["member_folder_id"] = member.member_folder_id;
  profile["root_folder_id"] = member.root_folder_id;
  return profile;
}

nlohmann::json roles_json(const std::string& role_id) {
  auto roles = nlohmann::json::array();
  if (const auto* role = find_role_by_id(role_id)) {
    roles.push_back(
        {{"role_id", role->role_id}, {"name", role->name}, {"description", role->description}});
  }
  return roles;
}

nlohmann::json member_info_v2_json(const TeamStore& store, std::size_t index, UnixSeconds now) {
  return {{"profile", team_member_profile_json(store, index, now)},
          {"roles", roles_json(store.member(index).role_id)}};
}

nlohmann::json group_summary_json(const Group& group) {
  nlohmann::json summary = {
      {"group_name", group.name},
      {"group_id", group.group_id},
      {"member_count", group.members.size()},
      {"group_management_type", {{".tag", management_tag(group.management)}}}};
  if (group.external_id) summary["group_external_id"] = *group.external_id;
  return summary;
}

nlohmann::json group_full_info_json(const TeamStore& store, std::size_t index, bool with_members,
                                    UnixSeconds now) {
  const auto& group = store.group(index);
  auto info = group_summary_json(group);
  info["created"] = group.created_ms;
  if (with_members) {
    auto members = nlohmann::json::array();
    for (const auto& entry : group.members) {
      members.push_back(group_member_info_json(store, entry, now));
    }
    info["members"] = std::move(members);
  }
  return info;
}

nlohmann::json group_member_info_json(const TeamStore& store, const GroupMember& entry,
                                      UnixSeconds now) {
  return {{"profile", member_profile_json(store.member(entry.member), now)},
          {"access_type", {{".tag", access_tag(entry.access)}}}};
}

}  // namespace roster::emulator
