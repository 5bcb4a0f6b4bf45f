#include "dropbox/wire/snapshot_access.hpp"

#include <algorithm>
#include <limits>
#include <string_view>
#include <unordered_map>

#include "roster/core/diagnostic.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/dropbox/group_codec.hpp"
#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;
using json::FieldReader;

namespace {

std::string at(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// The list `key` holds, or nullptr with a located error.
const json::Array* list_of(const json::Value& value, const std::string& key, DecodeError& error) {
  if (value.is_array()) return &value.as_array();
  FieldReader(value, key, error)
      .fail(value, std::string("must be a list, found ") + value.type_name());
  return nullptr;
}

bool fail(DecodeError& error, const json::Value& at_value, const std::string& message) {
  error = {message, at_value.offset()};
  return false;
}

}  // namespace

bool SnapshotAccess::is_access_key(const std::string& key) {
  return key == "groups" || key == "group_members" || key == "custom_quotas" ||
         key == "quota_excluded";
}

bool SnapshotAccess::decode(const std::string& key, const json::Value& value, DecodeError& error) {
  if (key == "groups") return decode_groups(value, error);
  if (key == "group_members") return decode_group_members(value, error);
  if (key == "custom_quotas") return decode_quotas(value, error);
  return decode_excluded(value, error);
}

bool SnapshotAccess::decode_groups(const json::Value& value, DecodeError& error) {
  const json::Array* items = list_of(value, "groups", error);
  if (items == nullptr) return false;
  m_groups.emplace();
  for (std::size_t i = 0; i < items->size(); ++i) {
    auto group = decode_group_summary((*items)[i], at("groups", i), error);
    if (!group) return false;
    m_groups->push_back(std::move(*group));
  }
  return true;
}

bool SnapshotAccess::decode_group_members(const json::Value& value, DecodeError& error) {
  if (!value.is_object()) {
    return fail(error, value,
                std::string("group_members: must be an object {group_id: [GroupMemberInfo, "
                            "...]}, found ") +
                    value.type_name());
  }
  for (const auto& [group_id, list] : value.as_object()) {
    const std::string path = "group_members[\"" + core::excerpt(group_id) + "\"]";
    const json::Array* items = list_of(list, path, error);
    if (items == nullptr) return false;
    Members entry{group_id, {}, list.offset()};
    for (std::size_t i = 0; i < items->size(); ++i) {
      auto member = decode_group_member((*items)[i], at(path, i), error);
      if (!member) return false;
      entry.members.push_back(std::move(*member));
    }
    m_group_members.push_back(std::move(entry));
  }
  return true;
}

bool SnapshotAccess::decode_quotas(const json::Value& value, DecodeError& error) {
  const json::Array* items = list_of(value, "custom_quotas", error);
  if (items == nullptr) return false;
  m_quotas.emplace();
  for (std::size_t i = 0; i < items->size(); ++i) {
    FieldReader item((*items)[i], at("custom_quotas", i), error);
    std::string tag;
    if (!item.string(".tag", tag)) return false;
    if (tag != "success") continue;  // invalid_user: not on the team
    const json::Value* user = item.object("user");
    if (user == nullptr) return false;
    FieldReader selector(*user, item.path() + ".user", error);
    Quota quota;
    quota.offset = (*items)[i].offset();
    if (!selector.string(".tag", quota.selector_tag)) return false;
    if (quota.selector_tag != "team_member_id" && quota.selector_tag != "email") {
      return selector.fail(*user, "a member is chosen by team_member_id or email, not \"" +
                                      core::excerpt(quota.selector_tag) + "\"");
    }
    if (!selector.string(quota.selector_tag, quota.selector)) return false;
    if (item.get("quota_gb", false) != nullptr) {
      std::int64_t gb = 0;
      if (!item.integer("quota_gb", gb, 2, std::numeric_limits<std::uint32_t>::max())) {
        return false;
      }
      quota.gb = static_cast<std::uint32_t>(gb);
    } else if (item.failed()) {
      return false;
    }
    m_quotas->push_back(std::move(quota));
  }
  return true;
}

bool SnapshotAccess::decode_excluded(const json::Value& value, DecodeError& error) {
  const json::Array* items = list_of(value, "quota_excluded", error);
  if (items == nullptr) return false;
  for (std::size_t i = 0; i < items->size(); ++i) {
    FieldReader profile((*items)[i], at("quota_excluded", i), error);
    std::string id;
    if (!profile.string("team_member_id", id)) return false;
    m_excluded.push_back(std::move(id));
  }
  return true;
}

bool SnapshotAccess::apply(model::ObservedTeam& team, DecodeError& error) {
  if (m_groups) {
    team.groups = std::move(*m_groups);
    team.groups_read = true;
  }
  for (auto& entry : m_group_members) {
    auto group = std::find_if(team.groups.begin(), team.groups.end(),
                              [&](const auto& g) { return g.group_id == entry.group_id; });
    if (group == team.groups.end()) {
      error = {"group_members: \"" + core::excerpt(entry.group_id) +
                   "\" is not a group of the snapshot's \"groups\"",
               entry.offset};
      return false;
    }
    group->members = std::move(entry.members);
  }
  if (!m_quotas) return true;
  team.quotas_read = true;
  team.quota_excluded_ids = std::move(m_excluded);
  // Live members by id and by email: one lookup per quota, not a scan of the team (a
  // 100,000-member snapshot has a quota entry per live member).
  std::unordered_map<std::string_view, model::ObservedMember*> by_id;
  std::unordered_map<std::string_view, model::ObservedMember*> by_email;
  for (auto& m : team.members) {
    if (!model::is_live(m)) continue;
    by_id.emplace(m.team_member_id, &m);
    by_email.emplace(m.email, &m);
  }
  for (const auto& quota : *m_quotas) {
    const bool is_id = quota.selector_tag == "team_member_id";
    const std::string wanted = is_id ? quota.selector : model::normalise_email(quota.selector);
    const auto& index = is_id ? by_id : by_email;
    auto found = index.find(wanted);
    model::ObservedMember* member = found == index.end() ? nullptr : found->second;
    if (member == nullptr) {
      error = {"custom_quotas: \"" + core::excerpt(quota.selector) +
                   "\" is not a live member of the snapshot",
               quota.offset};
      return false;
    }
    member->custom_quota_gb = quota.gb;
  }
  return true;
}

}  // namespace roster::dropbox
