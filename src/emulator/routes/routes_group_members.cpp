// Group membership: groups/members/add, remove, set_access_type, list (+continue).
#include "routes/routes.hpp"
#include "wire/cursor.hpp"
#include "wire/member_json.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

HttpResponse group_members_page(const RouteContext& context, Cursor cursor) {
  const auto& group = context.store.group(static_cast<std::size_t>(cursor.scope));
  auto page = nlohmann::json::array();
  auto position = static_cast<std::size_t>(cursor.position);
  for (std::uint32_t taken = 0; position < group.members.size() && taken < cursor.limit; ++taken) {
    page.push_back(group_member_info_json(context.store, group.members[position++], context.now));
  }
  const bool has_more = position < group.members.size();
  cursor.position = position;
  return json_response(
      {{"members", std::move(page)}, {"cursor", encode_cursor(cursor)}, {"has_more", has_more}});
}

GroupAccess read_access(DecodeStatus& status, const nlohmann::json* value,
                        const std::string& path) {
  if (value == nullptr) return GroupAccess::member;
  return read_void_union(status, *value, path, {"member", "owner"}) == "owner"
             ? GroupAccess::owner
             : GroupAccess::member;
}

std::vector<std::pair<UserSelector, GroupAccess>> read_member_access_list(
    DecodeStatus& status, const nlohmann::json* list) {
  std::vector<std::pair<UserSelector, GroupAccess>> members;
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    const auto path = "members[" + std::to_string(i) + "]";
    StructReader item(status, (*list)[i], path);
    UserSelector user;
    if (const auto* value = item.field("user"))
      user = read_user_selector(status, *value, path + ".user");
    const auto access = read_access(status, item.field("access_type"), path + ".access_type");
    item.finish();
    members.emplace_back(std::move(user), access);
  }
  return members;
}

GroupSelector read_group(DecodeStatus& status, StructReader& reader) {
  const auto* group = reader.field("group");
  return group == nullptr ? GroupSelector{} : read_group_selector(status, *group, "group");
}

HttpResponse change_result(const RouteContext& context, std::size_t group, bool return_members) {
  return json_response(
      {{"group_info", group_full_info_json(context.store, group, return_members, context.now)},
       {"async_job_id", " "}});
}

}  // namespace

HttpResponse route_groups_members_add(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const bool return_members = reader.boolean("return_members", true);
  const auto selector = read_group(status, reader);
  const auto members = read_member_access_list(status, reader.list("members"));
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_live_group(selector);
  if (const auto* failure = std::get_if<ApiError>(&group)) return route_error(*failure);
  const auto index = std::get<std::size_t>(group);
  if (auto failure = context.store.add_group_members(index, members)) return route_error(*failure);
  return change_result(context, index, return_members);
}

HttpResponse route_groups_members_remove(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const bool return_members = reader.boolean("return_members", true);
  const auto selector = read_group(status, reader);
  const auto users = read_user_selector_list(status, reader.list("users"), "users");
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_live_group(selector);
  if (const auto* failure = std::get_if<ApiError>(&group)) return route_error(*failure);
  const auto index = std::get<std::size_t>(group);
  if (auto failure = context.store.remove_group_members(index, users)) {
    return route_error(*failure);
  }
  return change_result(context, index, return_members);
}

// Answers GroupsGetInfoResult: a list holding the group's one `group_info` item.
HttpResponse route_groups_members_set_access_type(RouteContext& context,
                                                  const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto selector = read_group(status, reader);
  UserSelector user;
  if (const auto* value = reader.field("user")) user = read_user_selector(status, *value, "user");
  const auto access = read_access(status, reader.field("access_type"), "access_type");
  const bool return_members = reader.boolean("return_members", true);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_live_group(selector);
  if (const auto* failure = std::get_if<ApiError>(&group)) return route_error(*failure);
  const auto index = std::get<std::size_t>(group);
  if (auto failure = context.store.set_group_access(index, user, access)) {
    return route_error(*failure);
  }
  auto item = group_full_info_json(context.store, index, return_members, context.now);
  item[".tag"] = "group_info";
  return json_response(nlohmann::json::array({std::move(item)}));
}

HttpResponse route_groups_members_list(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto selector = read_group(status, reader);
  Cursor cursor;
  cursor.kind = 'G';
  cursor.limit = reader.uint32("limit", 1000, 1, 1000);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_live_group(selector);
  if (const auto* failure = std::get_if<ApiError>(&group)) return route_error(*failure);
  cursor.scope = std::get<std::size_t>(group);
  return group_members_page(context, cursor);
}

HttpResponse route_groups_members_list_continue(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto text = read_cursor_arg(status, arg);
  if (!text) return decode_failure(context, status);
  const auto cursor = decode_cursor(*text);
  const auto& groups = context.store.state().groups;
  // A group deleted since the first page has no members left to list.
  if (!cursor || cursor->kind != 'G' || cursor->scope >= groups.size() ||
      groups[static_cast<std::size_t>(cursor->scope)].deleted ||
      cursor->position > groups[static_cast<std::size_t>(cursor->scope)].members.size()) {
    return route_error({"invalid_cursor", std::nullopt});
  }
  return group_members_page(context, *cursor);
}

}  // namespace roster::emulator
