#include "support/snapshot_taker.hpp"

#include <stdexcept>

#include "store/timestamp.hpp"

namespace roster::emulator::test {

namespace {

using nlohmann::json;

json answer(TestTeam& team, const std::string& route, const json& arg) {
  const auto reply = team.call(route, arg);
  if (reply.status != 200) throw std::runtime_error(route + " failed: " + reply.body);
  return reply.json();
}

// Every page of a listing route and its /continue, `key`'s items concatenated; each page
// (without its cursor) is appended to `pages[route]`.
json all_pages(TestTeam& team, const std::string& route, const std::string& next, const json& arg,
               const std::string& key, json& pages) {
  json items = json::array();
  auto page = answer(team, route, arg);
  auto& seen = pages[route + " " + arg.dump()] = json::array();
  for (;;) {
    for (const auto& item : page.at(key))
      items.push_back(item);
    const bool more = page.at("has_more").get<bool>();
    const auto cursor = page.contains("cursor") ? page.at("cursor") : json();
    page.erase("cursor");
    seen.push_back(page);
    if (!more) return items;
    page = answer(team, next, {{"cursor", cursor}});
  }
}

}  // namespace

TakenSnapshot take_snapshot(TestTeam& team, const SnapshotLimits& limits) {
  TakenSnapshot out;
  auto& doc = out.document;
  auto& pages = out.pages;
  doc["snapshot_format"] = 1;
  doc["taken_at"] = format_timestamp(team.started_at());
  doc["members"] =
      all_pages(team, "team/members/list_v2", "team/members/list/continue_v2",
                {{"limit", limits.members}, {"include_removed", true}}, "members", pages);
  const auto info = team.call_void("team/get_info");
  if (info.status != 200) throw std::runtime_error("get_info: " + info.body);
  doc["team_info"] = pages["team/get_info"] = info.json();
  const auto admin = team.call_void("team/token/get_authenticated_admin");
  if (admin.status != 200) throw std::runtime_error("get_authenticated_admin: " + admin.body);
  doc["authenticated_admin"] = pages["team/token/get_authenticated_admin"] = admin.json();
  const auto roles = team.call_void("team/members/get_available_team_member_roles");
  if (roles.status != 200) throw std::runtime_error("get_available_roles: " + roles.body);
  doc["available_roles"] = pages["team/members/get_available_team_member_roles"] = roles.json();
  doc["groups"] = all_pages(team, "team/groups/list", "team/groups/list/continue",
                            {{"limit", limits.groups}}, "groups", pages);
  doc["group_members"] = json::object();
  for (const auto& group : doc["groups"]) {
    const json selector = {{".tag", "group_id"}, {"group_id", group.at("group_id")}};
    doc["group_members"][group.at("group_id").get<std::string>()] =
        all_pages(team, "team/groups/members/list", "team/groups/members/list/continue",
                  {{"group", selector}, {"limit", limits.group_members}}, "members", pages);
  }
  json users = json::array();
  for (const auto& member : doc["members"]) {
    const auto& profile = member.at("profile");
    if (profile.at("status").at(".tag") == "removed") continue;
    users.push_back({{".tag", "team_member_id"}, {"team_member_id", profile.at("team_member_id")}});
  }
  doc["custom_quotas"] = pages["team/member_space_limits/get_custom_quota"] =
      answer(team, "team/member_space_limits/get_custom_quota", {{"users", users}});
  doc["quota_excluded"] = all_pages(team, "team/member_space_limits/excluded_users/list",
                                    "team/member_space_limits/excluded_users/list/continue",
                                    {{"limit", limits.excluded}}, "users", pages);
  return out;
}

}  // namespace roster::emulator::test
