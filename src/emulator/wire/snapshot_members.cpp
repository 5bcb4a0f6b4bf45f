// A snapshot's roles and members (TeamMemberInfoV2, team.stone).
#include <algorithm>

#include "wire/snapshot_fields.hpp"
#include "wire/snapshot_reader.hpp"

namespace roster::emulator {

namespace {

std::string trimmed_lower(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  const auto end = text.find_last_not_of(" \t");
  std::string out(text.substr(begin, end - begin + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return out;
}

std::optional<MemberStatus> parse_status(std::string_view tag) {
  if (tag == "active") return MemberStatus::active;
  if (tag == "invited") return MemberStatus::invited;
  if (tag == "suspended") return MemberStatus::suspended;
  if (tag == "removed") return MemberStatus::removed;
  return std::nullopt;
}

// `TeamMemberStatus`; a removed member carries `RemovedStatus` (its removal time is
// finish_members()').
void read_status(SnapshotFields& profile, Member& m, std::string& error) {
  const auto* value = profile.object("status");
  if (value == nullptr) return;
  SnapshotFields status(*value, profile.path_of("status"), error);
  const auto tag = status.text(".tag");
  if (!tag) return;
  const auto parsed = parse_status(*tag);
  if (!parsed) {
    return status.fail(".tag",
                       "expected active, invited, suspended or removed, got \"" + *tag + "\"");
  }
  m.status = *parsed;
  if (m.status != MemberStatus::removed) return;
  m.removal_recoverable = status.flag("is_recoverable").value_or(false);
  m.is_disconnected = status.flag("is_disconnected").value_or(false);
}

void read_name(SnapshotFields& profile, Member& m, std::string& error) {
  const auto* value = profile.object("name");
  if (value == nullptr) return;
  SnapshotFields name(*value, profile.path_of("name"), error);
  m.given_name = name.text("given_name").value_or("");
  m.surname = name.text("surname").value_or("");
}

void read_secondary_emails(SnapshotFields& profile, Member& m, std::string& error) {
  const auto* list = profile.list("secondary_emails", false);
  for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
    SnapshotFields entry((*list)[i], element_path(profile.path_of("secondary_emails"), i), error);
    SecondaryEmail secondary;
    secondary.email = entry.text("email").value_or("");
    secondary.verified = entry.flag("is_verified").value_or(false);
    m.secondary_emails.push_back(std::move(secondary));
  }
}

// `MemberProfile` fields (also used for group members and the authenticated admin).
void read_profile(SnapshotFields& profile, Member& m, std::string& error) {
  m.team_member_id = profile.text("team_member_id").value_or("");
  m.external_id = profile.text("external_id", false);
  m.account_id = profile.text("account_id", false).value_or("");
  m.email = profile.text("email").value_or("");
  m.email_verified = profile.flag("email_verified").value_or(false);
  read_status(profile, m, error);
  // The emulator drops a member's secondary emails on removal; a removed member's are
  // not loaded.
  if (m.status != MemberStatus::removed) read_secondary_emails(profile, m, error);
  read_name(profile, m, error);
  const auto membership = profile.tag("membership_type");
  if (membership && *membership != "full" && *membership != "limited") {
    profile.fail("membership_type", "expected full or limited, got \"" + *membership + "\"");
  }
  m.limited = membership == "limited";
  m.invited_on = profile.time("invited_on");
  m.joined_on = profile.time("joined_on");
  m.suspended_on = profile.time("suspended_on");
  m.persistent_id = profile.text("persistent_id", false);
}

std::vector<std::string> read_group_ids(SnapshotFields& profile, std::string& error) {
  std::vector<std::string> ids;
  const auto* list = profile.list("groups");
  for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
    if (!(*list)[i].is_string()) {
      if (error.empty())
        error = element_path(profile.path_of("groups"), i) + ": expected a group id";
      break;
    }
    ids.push_back((*list)[i].get<std::string>());
  }
  return ids;
}

// `roles`: the emulator models one role per member; finish_members() checks its id.
void read_roles(SnapshotFields& info, Member& m, std::string& error) {
  const auto* list = info.list("roles");
  if (list == nullptr || list->empty()) return;
  if (list->size() > 1) return info.fail("roles", "the emulator models one role per member");
  SnapshotFields role((*list)[0], element_path(info.path_of("roles"), 0), error);
  m.role_id = role.text("role_id").value_or("");
}

}  // namespace

void decode_available_roles(const nlohmann::json& value, SnapshotDecoding& out) {
  SnapshotFields result(value, "available_roles", out.error);
  const auto* list = result.list("roles");
  if (list == nullptr) return;
  std::vector<RoleInfo> roles;
  std::string team_admin;
  for (std::size_t i = 0; i < list->size(); ++i) {
    SnapshotFields role((*list)[i], element_path("available_roles.roles", i), out.error);
    RoleInfo info;
    info.role_id = role.text("role_id").value_or("");
    info.name = role.text("name").value_or("");
    info.description = role.text("description", false).value_or("");
    info.key = info.role_id;
    if (std::any_of(roles.begin(), roles.end(),
                    [&](const RoleInfo& r) { return r.role_id == info.role_id; })) {
      role.fail("role_id", "\"" + info.role_id + "\" is listed twice");
    }
    if (team_admin.empty() && trimmed_lower(info.name) == "team admin") team_admin = info.role_id;
    roles.push_back(std::move(info));
  }
  if (team_admin.empty()) result.fail("roles", "no role is named \"Team admin\"");
  if (!out.error.empty()) return;
  out.state.info.roles = std::move(roles);
  out.state.info.team_admin_role_id = team_admin;
}

void decode_member(const nlohmann::json& value, SnapshotDecoding& out) {
  if (!out.error.empty()) return;
  const auto index = out.state.members.size();
  SnapshotFields info(value, element_path("members", index), out.error);
  const auto* profile_value = info.object("profile");
  if (profile_value == nullptr) return;
  SnapshotFields profile(*profile_value, info.path_of("profile"), out.error);
  Member m;
  read_profile(profile, m, out.error);
  out.member_groups.push_back(read_group_ids(profile, out.error));
  m.member_folder_id = profile.text("member_folder_id").value_or("");
  m.root_folder_id = profile.text("root_folder_id").value_or("");
  read_roles(info, m, out.error);
  if (!out.by_member_id.emplace(m.team_member_id, index).second) {
    profile.fail("team_member_id", "\"" + m.team_member_id + "\" is listed twice");
  }
  out.state.members.push_back(std::move(m));
}

void decode_members(const nlohmann::json& value, SnapshotDecoding& out) {
  if (!value.is_array()) {
    if (out.error.empty()) out.error = "members: expected a list of TeamMemberInfoV2";
    return;
  }
  for (const auto& member : value)
    decode_member(member, out);
}

// The API does not say when a member was removed: taken_at stands in (decision 0114).
void finish_members(SnapshotDecoding& out) {
  const auto& roles = out.state.info.roles;
  for (std::size_t i = 0; i < out.state.members.size() && out.error.empty(); ++i) {
    auto& m = out.state.members[i];
    if (m.status == MemberStatus::removed) m.removed_on = out.taken_at;
    if (m.role_id.empty()) continue;
    const bool known = std::any_of(roles.begin(), roles.end(),
                                   [&](const RoleInfo& r) { return r.role_id == m.role_id; });
    if (!known) {
      out.error = "members[" + std::to_string(i) + "].roles[0].role_id: \"" + m.role_id +
                  "\" is not one of available_roles";
    }
  }
}

}  // namespace roster::emulator
