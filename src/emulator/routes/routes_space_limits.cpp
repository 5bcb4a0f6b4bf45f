// member_space_limits/set_custom_quota, remove_custom_quota, get_custom_quota and
// excluded_users/add, remove, list (+continue) (team.stone;
// docs/decisions/0109-emulator-space-limits.md).
#include "routes/routes.hpp"
#include "wire/cursor.hpp"
#include "wire/member_json.hpp"
#include "wire/member_writer.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

// CustomQuotaError / ExcludedUsersUpdateError.too_many_users: at most 1,000 users a call.
constexpr std::size_t k_max_users_per_call = 1000;
// UserQuota = UInt32(min_value=2).
constexpr std::uint32_t k_min_quota_gb = 2;

HttpResponse too_many_users() {
  return route_error({"too_many_users", std::nullopt});
}

// CustomQuotaUsersArg needs `users`; in ExcludedUsersUpdateArg it is optional.
enum class UsersField { required, optional };

// {users: List(UserSelectorArg)}
std::vector<UserSelector> read_users(DecodeStatus& status, const nlohmann::json& arg,
                                     UsersField field) {
  StructReader reader(status, arg, "");
  const auto* list =
      field == UsersField::optional ? reader.optional_list("users") : reader.list("users");
  auto users = read_user_selector_list(status, list, "users");
  reader.finish();
  return users;
}

// A CustomQuotaResult / RemoveCustomQuotaResult item for a user that is not on the team.
nlohmann::json invalid_user(const UserSelector& user) {
  return {{".tag", "invalid_user"}, {"invalid_user", user_selector_json(user)}};
}

nlohmann::json quota_result(const UserSelector& user, std::optional<std::uint32_t> quota_gb) {
  nlohmann::json item = {{".tag", "success"}, {"user", user_selector_json(user)}};
  if (quota_gb) item["quota_gb"] = *quota_gb;
  return item;
}

HttpResponse update_excluded(RouteContext& context, const nlohmann::json& arg, bool excluded) {
  DecodeStatus status;
  const auto users = read_users(status, arg, UsersField::optional);
  if (!status.ok()) return decode_failure(context, status);
  if (users.size() > k_max_users_per_call) return too_many_users();
  if (auto failure = context.store.set_space_limit_excluded(users, excluded)) {
    return route_error(*failure);
  }
  return json_response({{"status", tag_only("success")}});
}

// Excluded members in creation order; `cursor` only while there is more (it is optional
// in ExcludedUsersListResult).
HttpResponse excluded_page(const RouteContext& context, Cursor cursor) {
  const auto& members = context.store.state().members;
  std::string body = "{\"users\":[";
  auto position = static_cast<std::size_t>(cursor.position);
  for (std::uint32_t taken = 0; position < members.size() && taken < cursor.limit; ++position) {
    if (!members[position].space_limit_excluded) continue;
    if (taken++ != 0) body += ',';
    append_profile(body, context.store, position, context.now, false);
  }
  bool has_more = false;
  for (auto next = position; next < members.size() && !has_more; ++next)
    has_more = members[next].space_limit_excluded;
  cursor.position = position;
  body += "],";
  if (has_more) {
    body += "\"cursor\":";
    append_json_string(body, encode_cursor(cursor));
    body += ',';
  }
  body += has_more ? "\"has_more\":true}" : "\"has_more\":false}";
  HttpResponse response;
  response.content_type = k_json_type;
  response.body = std::move(body);
  return response;
}

}  // namespace

HttpResponse route_set_custom_quota(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto* list = reader.list("users_and_quotas");
  std::vector<std::pair<UserSelector, std::uint32_t>> quotas;
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    const auto path = "users_and_quotas[" + std::to_string(i) + "]";
    StructReader item(status, (*list)[i], path);
    UserSelector user;
    if (const auto* value = item.field("user"))
      user = read_user_selector(status, *value, path + ".user");
    const auto quota_gb = item.required_uint32("quota_gb", k_min_quota_gb, UINT32_MAX);
    item.finish();
    quotas.emplace_back(std::move(user), quota_gb);
  }
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  if (quotas.size() > k_max_users_per_call) return too_many_users();
  if (!context.store.state().info.member_space_limit_gb) {
    // No tag of SetCustomQuotaError says so; the route doc requires a team limit first.
    return bad_request(context.route,
                       "the team has no member space limit: a team admin must set one "
                       "(admin console, Settings, Member space limit) before custom quotas");
  }
  const auto result = context.store.set_custom_quotas(quotas);
  if (const auto* failure = std::get_if<ApiError>(&result)) return route_error(*failure);
  const auto& targets = std::get<std::vector<std::optional<std::size_t>>>(result);
  auto items = nlohmann::json::array();
  for (std::size_t i = 0; i < quotas.size(); ++i) {
    items.push_back(targets[i] ? quota_result(quotas[i].first, quotas[i].second)
                               : invalid_user(quotas[i].first));
  }
  return json_response(items);
}

HttpResponse route_get_custom_quota(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto users = read_users(status, arg, UsersField::required);
  if (!status.ok()) return decode_failure(context, status);
  if (users.size() > k_max_users_per_call) return too_many_users();
  auto items = nlohmann::json::array();
  for (const auto& user : users) {
    const auto index = context.store.find_on_team(user);
    items.push_back(index ? quota_result(user, context.store.member(*index).custom_quota_gb)
                          : invalid_user(user));
  }
  return json_response(items);
}

HttpResponse route_remove_custom_quota(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto users = read_users(status, arg, UsersField::required);
  if (!status.ok()) return decode_failure(context, status);
  if (users.size() > k_max_users_per_call) return too_many_users();
  const auto targets = context.store.remove_custom_quotas(users);
  auto items = nlohmann::json::array();
  for (std::size_t i = 0; i < users.size(); ++i) {
    items.push_back(
        targets[i] ? nlohmann::json{{".tag", "success"}, {"success", user_selector_json(users[i])}}
                   : invalid_user(users[i]));
  }
  return json_response(items);
}

HttpResponse route_excluded_users_add(RouteContext& context, const nlohmann::json& arg) {
  return update_excluded(context, arg, true);
}

HttpResponse route_excluded_users_remove(RouteContext& context, const nlohmann::json& arg) {
  return update_excluded(context, arg, false);
}

HttpResponse route_excluded_users_list(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  Cursor cursor;
  cursor.kind = 'x';
  cursor.limit = reader.uint32("limit", 1000, 1, 1000);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  return excluded_page(context, cursor);
}

HttpResponse route_excluded_users_list_continue(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto text = read_cursor_arg(status, arg);
  if (!text) return decode_failure(context, status);
  const auto cursor = decode_cursor(*text);
  if (!cursor || cursor->kind != 'x' || cursor->position > context.store.state().members.size()) {
    return route_error({"invalid_cursor", std::nullopt});
  }
  return excluded_page(context, *cursor);
}

}  // namespace roster::emulator
