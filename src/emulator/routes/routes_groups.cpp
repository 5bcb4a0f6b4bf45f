// groups/list (+continue), groups/create, groups/members/add|remove|list (+continue).
#include "routes/routes.hpp"
#include "wire/cursor.hpp"
#include "wire/member_json.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

HttpResponse groups_page(const RouteContext& context, Cursor cursor) {
  const auto& groups = context.store.state().groups;
  auto page = nlohmann::json::array();
  auto position = static_cast<std::size_t>(cursor.position);
  for (std::uint32_t taken = 0; position < groups.size() && taken < cursor.limit; ++taken) {
    page.push_back(group_summary_json(groups[position++]));
  }
  const bool has_more = position < groups.size();
  cursor.position = position;
  return json_response(
      {{"groups", std::move(page)}, {"cursor", encode_cursor(cursor)}, {"has_more", has_more}});
}

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

std::optional<std::string> read_cursor_arg(const nlohmann::json& arg, DecodeStatus& status) {
  StructReader reader(status, arg, "");
  auto text = reader.string("cursor");
  reader.finish();
  if (!status.ok()) return std::nullopt;
  return text;
}

HttpResponse change_result(const RouteContext& context, std::size_t group, bool return_members) {
  return json_response(
      {{"group_info", group_full_info_json(context.store, group, return_members, context.now)},
       {"async_job_id", " "}});
}

}  // namespace

HttpResponse route_groups_list(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  Cursor cursor;
  cursor.kind = 'g';
  cursor.limit = reader.uint32("limit", 1000, 1, 1000);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  return groups_page(context, cursor);
}

HttpResponse route_groups_list_continue(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto text = read_cursor_arg(arg, status);
  if (!text) return decode_failure(context, status);
  const auto cursor = decode_cursor(*text);
  if (!cursor || cursor->kind != 'g' || cursor->position > context.store.state().groups.size()) {
    return route_error({"invalid_cursor", std::nullopt});
  }
  return groups_page(context, *cursor);
}

HttpResponse route_groups_create(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto name = reader.string("group_name");
  const bool add_creator = reader.boolean("add_creator_as_owner", false);
  const auto external_id = reader.optional_string("group_external_id");
  auto management = GroupManagement::company_managed;
  if (const auto* type = reader.optional_field("group_management_type")) {
    const auto tag = read_void_union(status, *type, "group_management_type",
                                     {"user_managed", "company_managed", "system_managed"});
    if (tag == "user_managed") management = GroupManagement::user_managed;
    if (tag == "system_managed") management = GroupManagement::system_managed;
  }
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto result =
      context.store.create_group(name, external_id, management, add_creator, context.now);
  if (const auto* failure = std::get_if<ApiError>(&result)) return route_error(*failure);
  return json_response(
      group_full_info_json(context.store, std::get<std::size_t>(result), true, context.now));
}

HttpResponse route_groups_members_add(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const bool return_members = reader.boolean("return_members", true);
  GroupSelector selector;
  if (const auto* group = reader.field("group")) {
    selector = read_group_selector(status, *group, "group");
  }
  std::vector<std::pair<UserSelector, GroupAccess>> members;
  const auto* list = reader.list("members");
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    const auto path = "members[" + std::to_string(i) + "]";
    StructReader item(status, (*list)[i], path);
    UserSelector user;
    if (const auto* value = item.field("user"))
      user = read_user_selector(status, *value, path + ".user");
    auto access = GroupAccess::member;
    if (const auto* value = item.field("access_type")) {
      if (read_void_union(status, *value, path + ".access_type", {"member", "owner"}) == "owner") {
        access = GroupAccess::owner;
      }
    }
    item.finish();
    members.emplace_back(std::move(user), access);
  }
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_group(selector);
  if (!group) return route_error({"group_not_found", std::nullopt});
  if (auto failure = context.store.add_group_members(*group, members)) {
    return route_error(*failure);
  }
  return change_result(context, *group, return_members);
}

HttpResponse route_groups_members_remove(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const bool return_members = reader.boolean("return_members", true);
  GroupSelector selector;
  if (const auto* group = reader.field("group")) {
    selector = read_group_selector(status, *group, "group");
  }
  std::vector<UserSelector> users;
  const auto* list = reader.list("users");
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    users.push_back(read_user_selector(status, (*list)[i], "users[" + std::to_string(i) + "]"));
  }
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_group(selector);
  if (!group) return route_error({"group_not_found", std::nullopt});
  if (auto failure = context.store.remove_group_members(*group, users)) {
    return route_error(*failure);
  }
  return change_result(context, *group, return_members);
}

HttpResponse route_groups_members_list(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  GroupSelector selector;
  if (const auto* group = reader.field("group")) {
    selector = read_group_selector(status, *group, "group");
  }
  Cursor cursor;
  cursor.kind = 'G';
  cursor.limit = reader.uint32("limit", 1000, 1, 1000);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_group(selector);
  if (!group) return route_error({"group_not_found", std::nullopt});
  cursor.scope = *group;
  return group_members_page(context, cursor);
}

HttpResponse route_groups_members_list_continue(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto text = read_cursor_arg(arg, status);
  if (!text) return decode_failure(context, status);
  const auto cursor = decode_cursor(*text);
  const auto& groups = context.store.state().groups;
  if (!cursor || cursor->kind != 'G' || cursor->scope >= groups.size() ||
      cursor->position > groups[static_cast<std::size_t>(cursor->scope)].members.size()) {
    return route_error({"invalid_cursor", std::nullopt});
  }
  return group_members_page(context, *cursor);
}

}  // namespace roster::emulator
