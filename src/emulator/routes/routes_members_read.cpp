// members/list_v2, members/list/continue_v2, members/get_info_v2.
#include "routes/routes.hpp"
#include "wire/cursor.hpp"
#include "wire/member_json.hpp"
#include "wire/member_writer.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

bool listed(const Member& member, bool include_removed) {
  return include_removed || member.status != MemberStatus::removed;
}

// One page from `cursor.position` in creation order; the cursor is always returned.
// Written as text: a DOM per member would make listing a large team slow.
HttpResponse members_page(const RouteContext& context, Cursor cursor) {
  const auto& members = context.store.state().members;
  std::string body = "{\"members\":[";
  auto position = static_cast<std::size_t>(cursor.position);
  std::uint32_t taken = 0;
  for (; position < members.size() && taken < cursor.limit; ++position) {
    if (!listed(members[position], cursor.include_removed)) continue;
    if (taken++ != 0) body += ',';
    append_member_info_v2(body, context.store, position, context.now);
  }
  bool has_more = false;
  for (auto next = position; next < members.size() && !has_more; ++next) {
    has_more = listed(members[next], cursor.include_removed);
  }
  cursor.position = position;
  body += "],\"cursor\":";
  append_json_string(body, encode_cursor(cursor));
  body += has_more ? ",\"has_more\":true}" : ",\"has_more\":false}";
  HttpResponse response;
  response.content_type = k_json_type;
  response.body = std::move(body);
  return response;
}

}  // namespace

HttpResponse route_members_list(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  Cursor cursor;
  cursor.kind = 'm';
  cursor.limit = reader.uint32("limit", 1000, 1, 1000);
  cursor.include_removed = reader.boolean("include_removed", false);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  return members_page(context, cursor);
}

HttpResponse route_members_list_continue(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto text = reader.string("cursor");
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto cursor = decode_cursor(text);
  if (!cursor || cursor->kind != 'm' || cursor->position > context.store.state().members.size()) {
    return route_error({"invalid_cursor", std::nullopt});
  }
  return members_page(context, *cursor);
}

HttpResponse route_members_get_info(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto* list = reader.list("members");
  std::vector<UserSelector> selectors;
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    selectors.push_back(
        read_user_selector(status, (*list)[i], "members[" + std::to_string(i) + "]"));
  }
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  auto items = nlohmann::json::array();
  for (const auto& selector : selectors) {
    const auto found = context.store.find(selector);
    if (found.found == Lookup::Found::member) {
      auto item = member_info_v2_json(context.store, found.index, context.now);
      item[".tag"] = "member_info";
      items.push_back(std::move(item));
    } else {
      items.push_back({{".tag", "id_not_found"}, {"id_not_found", selector.value}});
    }
  }
  return json_response({{"members_info", std::move(items)}});
}

}  // namespace roster::emulator
