// Group records: groups/list (+continue), get_info, create, update, delete (REFERENCE §7).
// Membership routes are in routes_group_members.cpp.
#include "routes/routes.hpp"
#include "wire/cursor.hpp"
#include "wire/member_json.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

// Deleted groups are skipped; positions still count them, so pages stay stable.
HttpResponse groups_page(const RouteContext& context, Cursor cursor) {
  const auto& groups = context.store.state().groups;
  auto page = nlohmann::json::array();
  auto position = static_cast<std::size_t>(cursor.position);
  for (std::uint32_t taken = 0; position < groups.size() && taken < cursor.limit; ++position) {
    if (groups[position].deleted) continue;
    page.push_back(group_summary_json(groups[position]));
    ++taken;
  }
  bool has_more = false;
  for (auto next = position; next < groups.size() && !has_more; ++next)
    has_more = !groups[next].deleted;
  cursor.position = position;
  return json_response(
      {{"groups", std::move(page)}, {"cursor", encode_cursor(cursor)}, {"has_more", has_more}});
}

std::optional<GroupManagement> read_management(DecodeStatus& status, const nlohmann::json* value,
                                               const std::string& path) {
  if (value == nullptr) return std::nullopt;
  const auto tag =
      read_void_union(status, *value, path, {"user_managed", "company_managed", "system_managed"});
  return management_from_tag(tag).value_or(GroupManagement::company_managed);
}

HttpResponse full_info(const RouteContext& context, std::size_t group, bool with_members) {
  return json_response(group_full_info_json(context.store, group, with_members, context.now));
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
  const auto text = read_cursor_arg(status, arg);
  if (!text) return decode_failure(context, status);
  const auto cursor = decode_cursor(*text);
  if (!cursor || cursor->kind != 'g' || cursor->position > context.store.state().groups.size()) {
    return route_error({"invalid_cursor", std::nullopt});
  }
  return groups_page(context, *cursor);
}

// The argument is the GroupsSelector union itself; the result a bare list, one item per id.
HttpResponse route_groups_get_info(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto [kind, ids] =
      read_string_list_union(status, arg, "", {"group_ids", "group_external_ids"});
  if (!status.ok()) return decode_failure(context, status);
  auto items = nlohmann::json::array();
  for (const auto& id : ids) {
    const auto group = context.store.find_live_group({static_cast<GroupSelector::Kind>(kind), id});
    if (const auto* index = std::get_if<std::size_t>(&group)) {
      auto item = group_full_info_json(context.store, *index, true, context.now);
      item[".tag"] = "group_info";
      items.push_back(std::move(item));
    } else {
      items.push_back({{".tag", "id_not_found"}, {"id_not_found", id}});
    }
  }
  return json_response(items);
}

HttpResponse route_groups_create(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto name = reader.string("group_name");
  const bool add_creator = reader.boolean("add_creator_as_owner", false);
  const auto external_id = reader.optional_string("group_external_id");
  const auto management = read_management(status, reader.optional_field("group_management_type"),
                                          reader.path_of("group_management_type"));
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto result = context.store.create_group(
      name, external_id, management.value_or(GroupManagement::company_managed), add_creator,
      context.now);
  if (const auto* failure = std::get_if<ApiError>(&result)) return route_error(*failure);
  return full_info(context, std::get<std::size_t>(result), true);
}

HttpResponse route_groups_update(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const bool return_members = reader.boolean("return_members", true);
  GroupSelector selector;
  if (const auto* group = reader.field("group")) {
    selector = read_group_selector(status, *group, "group");
  }
  GroupUpdate update;
  update.name = reader.optional_string("new_group_name");
  update.external_id = reader.optional_string("new_group_external_id");
  update.management = read_management(status, reader.optional_field("new_group_management_type"),
                                      reader.path_of("new_group_management_type"));
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_live_group(selector);
  if (const auto* failure = std::get_if<ApiError>(&group)) return route_error(*failure);
  const auto index = std::get<std::size_t>(group);
  if (auto failure = context.store.update_group(index, update)) return route_error(*failure);
  return full_info(context, index, return_members);
}

// The argument is the GroupSelector union itself. Always answered with a job (decision
// 0104): the group is gone at once, groups/job_status/get reports it.
HttpResponse route_groups_delete(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto selector = read_group_selector(status, arg, "");
  if (!status.ok()) return decode_failure(context, status);
  const auto group = context.store.find_group(selector);
  if (!group) return route_error({"group_not_found", std::nullopt});
  if (auto failure = context.store.delete_group(*group)) return route_error(*failure);
  const auto id = context.store.add_job(std::string(context.route), "");
  return json_response({{".tag", "async_job_id"}, {"async_job_id", id}});
}

}  // namespace roster::emulator
