#include "wire/member_json.hpp"

#include "wire/member_writer.hpp"

namespace roster::emulator {

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

nlohmann::json team_member_profile_json(const TeamStore& store, std::size_t index,
                                        UnixSeconds now) {
  std::string text;
  append_profile(text, store, index, now, true);
  return nlohmann::json::parse(text);
}

nlohmann::json roles_json(const TeamInfo& info, const std::string& role_id) {
  std::string text;
  append_roles(text, info, role_id);
  return nlohmann::json::parse(text);
}

nlohmann::json member_info_v2_json(const TeamStore& store, std::size_t index, UnixSeconds now) {
  std::string text;
  append_member_info_v2(text, store, index, now);
  return nlohmann::json::parse(text);
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
  // GroupFullInfo.members is not returned for system-managed groups (groups/get_info doc).
  if (with_members && group.management != GroupManagement::system_managed) {
    auto members = nlohmann::json::array();
    for (const auto& entry : group.members) {
      members.push_back(group_member_info_json(store, entry, now));
    }
    info["members"] = std::move(members);
  }
  return info;
}

nlohmann::json user_selector_json(const UserSelector& user) {
  static constexpr const char* k_tags[] = {"team_member_id", "external_id", "email"};
  const auto* tag = k_tags[static_cast<int>(user.kind)];
  return {{".tag", tag}, {tag, user.value}};
}

nlohmann::json group_member_info_json(const TeamStore& store, const GroupMember& entry,
                                      UnixSeconds now) {
  std::string profile;
  append_profile(profile, store, entry.member, now, false);
  return {{"profile", nlohmann::json::parse(profile)},
          {"access_type", {{".tag", access_tag(entry.access)}}}};
}

}  // namespace roster::emulator
