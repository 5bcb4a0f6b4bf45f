// A snapshot's groups, group members, custom quotas and quota exclusions.
#include <algorithm>
#include <unordered_map>

#include "wire/snapshot_fields.hpp"
#include "wire/snapshot_reader.hpp"

namespace roster::emulator {

namespace {

std::string lower(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

std::optional<GroupManagement> parse_management(std::string_view tag) {
  if (tag == "user_managed") return GroupManagement::user_managed;
  if (tag == "company_managed") return GroupManagement::company_managed;
  if (tag == "system_managed") return GroupManagement::system_managed;
  return std::nullopt;
}

// `team_common.GroupSummary`; member_count is derived from the members, `created` (not in
// the summary) is taken_at.
Group read_group(SnapshotFields& summary, UnixSeconds taken_at) {
  Group g;
  g.name = summary.text("group_name").value_or("");
  g.group_id = summary.text("group_id").value_or("");
  g.external_id = summary.text("group_external_id", false);
  const auto tag = summary.tag("group_management_type");
  const auto management = parse_management(tag.value_or("company_managed"));
  if (!management) {
    summary.fail("group_management_type",
                 "expected user_managed, company_managed or system_managed, got \"" +
                     tag.value_or("") + "\"");
  }
  g.management = management.value_or(GroupManagement::company_managed);
  g.created_ms = static_cast<std::uint64_t>(taken_at) * 1000;
  return g;
}

// The member a team_member_id names, or nullopt with an error at `fields`' key.
std::optional<std::size_t> member_named(SnapshotFields& fields, const char* key,
                                        SnapshotDecoding& out) {
  const auto id = fields.text(key);
  if (!id) return std::nullopt;
  const auto it = out.by_member_id.find(*id);
  if (it == out.by_member_id.end()) {
    fields.fail(key, "\"" + *id + "\" is not a member of the snapshot");
    return std::nullopt;
  }
  return it->second;
}

// One group's `groups/members/list` members: GroupMemberInfo {profile, access_type}.
void read_group_members(const nlohmann::json& list, const std::string& path, Group& group,
                        SnapshotDecoding& out) {
  if (!list.is_array()) {
    if (out.error.empty()) out.error = path + ": expected a list of GroupMemberInfo";
    return;
  }
  for (std::size_t i = 0; i < list.size() && out.error.empty(); ++i) {
    SnapshotFields info(list[i], element_path(path, i), out.error);
    const auto access = info.tag("access_type");
    if (access && *access != "member" && *access != "owner") {
      info.fail("access_type", "expected member or owner, got \"" + *access + "\"");
    }
    const auto* profile_value = info.object("profile");
    if (profile_value == nullptr) return;
    SnapshotFields profile(*profile_value, info.path_of("profile"), out.error);
    const auto member = member_named(profile, "team_member_id", out);
    if (!member) return;
    if (out.state.members[*member].status == MemberStatus::removed) {
      return profile.fail("team_member_id", "a removed member belongs to no group");
    }
    group.members.push_back(
        {*member, access == "owner" ? GroupAccess::owner : GroupAccess::member});
  }
}

// Members of groups the snapshot has no group_members for: from their profile.groups.
void members_from_profiles(const std::unordered_map<std::string, std::size_t>& by_id,
                           const std::vector<bool>& listed, SnapshotDecoding& out) {
  for (std::size_t m = 0; m < out.member_groups.size() && out.error.empty(); ++m) {
    const auto& ids = out.member_groups[m];
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto it = by_id.find(ids[i]);
      if (it == by_id.end()) {
        out.error = "members[" + std::to_string(m) + "].profile.groups[" + std::to_string(i) +
                    "]: \"" + ids[i] + "\" is not a group of the snapshot's groups";
        return;
      }
      if (!listed[it->second])
        out.state.groups[it->second].members.push_back({m, GroupAccess::member});
    }
  }
}

// The live members by email (lower case) and by external id, built once for the quotas:
// a 100,000-member snapshot has up to as many quotas, and a scan per quota was quadratic.
struct LiveIndex {
  std::unordered_map<std::string, std::size_t> by_email;
  std::unordered_map<std::string, std::size_t> by_external_id;

  explicit LiveIndex(const std::vector<Member>& members) {
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (members[m].status == MemberStatus::removed) continue;
      by_email.emplace(lower(members[m].email), m);
      if (members[m].external_id) by_external_id.emplace(*members[m].external_id, m);
    }
  }
};

// `UserSelectorArg` of a CustomQuotaResult: the live member it names.
std::optional<std::size_t> selected_member(SnapshotFields& result, const LiveIndex& live,
                                           SnapshotDecoding& out) {
  const auto* user = result.object("user");
  if (user == nullptr) return std::nullopt;
  SnapshotFields selector(*user, result.path_of("user"), out.error);
  const auto tag = selector.text(".tag");
  if (!tag) return std::nullopt;
  if (*tag != "team_member_id" && *tag != "email" && *tag != "external_id") {
    selector.fail(".tag", "expected team_member_id, external_id or email, got \"" + *tag + "\"");
    return std::nullopt;
  }
  const auto value = selector.text(tag->c_str());
  if (!value) return std::nullopt;
  std::optional<std::size_t> found;
  if (*tag == "team_member_id") {
    const auto it = out.by_member_id.find(*value);
    if (it != out.by_member_id.end() &&
        out.state.members[it->second].status != MemberStatus::removed) {
      found = it->second;
    }
  } else {
    const auto& index = *tag == "email" ? live.by_email : live.by_external_id;
    const auto it = index.find(*tag == "email" ? lower(*value) : *value);
    if (it != index.end()) found = it->second;
  }
  if (!found) selector.fail(*tag, "\"" + *value + "\" is not a live member of the snapshot");
  return found;
}

// `custom_quotas`: CustomQuotaResult values; `invalid_user` entries name no member.
void read_quotas(const nlohmann::json& quotas, SnapshotDecoding& out) {
  if (!quotas.is_array()) {
    if (out.error.empty()) out.error = "custom_quotas: expected a list of CustomQuotaResult";
    return;
  }
  const LiveIndex live(out.state.members);
  for (std::size_t i = 0; i < quotas.size() && out.error.empty(); ++i) {
    SnapshotFields result(quotas[i], element_path("custom_quotas", i), out.error);
    const auto tag = result.text(".tag");
    if (!tag || *tag == "invalid_user") continue;
    if (*tag != "success") {
      result.fail(".tag", "expected success or invalid_user, got \"" + *tag + "\"");
      return;
    }
    const auto member = selected_member(result, live, out);
    const auto gb = result.whole("quota_gb", false);
    if (gb && *gb < 2) result.fail("quota_gb", "a custom quota is at least 2 GB");
    if (member && gb) out.state.members[*member].custom_quota_gb = static_cast<std::uint32_t>(*gb);
  }
}

}  // namespace

void decode_groups(const nlohmann::json* groups, const nlohmann::json* group_members,
                   SnapshotDecoding& out) {
  if (groups == nullptr) {
    if (group_members != nullptr && out.error.empty())
      out.error = "group_members: the snapshot has no groups";
    return;  // without `groups` the team has none (profile.groups are not modelled)
  }
  if (!groups->is_array()) {
    if (out.error.empty()) out.error = "groups: expected a list of GroupSummary";
    return;
  }
  std::unordered_map<std::string, std::size_t> by_id;
  for (std::size_t i = 0; i < groups->size() && out.error.empty(); ++i) {
    SnapshotFields summary((*groups)[i], element_path("groups", i), out.error);
    out.state.groups.push_back(read_group(summary, out.taken_at));
    if (!by_id.emplace(out.state.groups.back().group_id, i).second) {
      summary.fail("group_id", "\"" + out.state.groups.back().group_id + "\" is listed twice");
    }
  }
  std::vector<bool> listed(out.state.groups.size(), false);
  if (group_members != nullptr && !group_members->is_object() && out.error.empty()) {
    out.error = "group_members: expected an object {group_id: [GroupMemberInfo, ...]}";
  }
  static const nlohmann::json k_none = nlohmann::json::object();
  const auto& entries =
      group_members != nullptr && group_members->is_object() ? *group_members : k_none;
  for (const auto& [group_id, list] : entries.items()) {
    if (!out.error.empty()) return;
    const std::string path = "group_members[\"" + group_id + "\"]";
    const auto it = by_id.find(group_id);
    if (it == by_id.end()) {
      out.error = path + ": \"" + group_id + "\" is not a group of the snapshot's groups";
      return;
    }
    listed[it->second] = true;
    read_group_members(list, path, out.state.groups[it->second], out);
  }
  members_from_profiles(by_id, listed, out);
}

void decode_quotas(const nlohmann::json* quotas, const nlohmann::json* excluded,
                   SnapshotDecoding& out) {
  if (quotas != nullptr) read_quotas(*quotas, out);
  if (excluded == nullptr || !out.error.empty()) return;
  if (!excluded->is_array()) {
    out.error = "quota_excluded: expected a list of MemberProfile";
    return;
  }
  for (std::size_t i = 0; i < excluded->size() && out.error.empty(); ++i) {
    SnapshotFields profile((*excluded)[i], element_path("quota_excluded", i), out.error);
    const auto member = member_named(profile, "team_member_id", out);
    if (member) out.state.members[*member].space_limit_excluded = true;
  }
}

}  // namespace roster::emulator
