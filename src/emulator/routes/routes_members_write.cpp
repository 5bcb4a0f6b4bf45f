// Member changes: add_v2, suspend, unsuspend, remove, recover, set_profile_v2,
// set_admin_permissions_v2. Decoding here, rules in TeamStore.
#include "routes/routes.hpp"
#include "store/roles.hpp"
#include "wire/member_json.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

// The documented cap of members/add (20 per call); more is answered 400.
constexpr std::size_t k_max_add_batch = 20;
// Batches larger than this are answered with an async job even without force_async.
constexpr std::size_t k_sync_add_limit = 10;

HttpResponse void_result(const std::optional<ApiError>& failure) {
  if (failure) return route_error(*failure);
  return json_response(nullptr);
}

// The single `user` selector of MembersDeactivateBaseArg-like arguments.
std::optional<UserSelector> read_user_only(const nlohmann::json& arg, DecodeStatus& status) {
  StructReader reader(status, arg, "");
  const auto* user = reader.field("user");
  UserSelector selector;
  if (user != nullptr) selector = read_user_selector(status, *user, "user");
  reader.finish();
  if (!status.ok()) return std::nullopt;
  return selector;
}

std::string read_role(DecodeStatus& status, const TeamInfo& info, const nlohmann::json* list,
                      const std::string& path) {
  if (list == nullptr) return {};
  if (list->size() > 1) {
    status.fail(path, "list has more than 1 item");
    return {};
  }
  const auto ids = read_string_list(status, *list, path, StringRule::role_id);
  if (ids.empty()) return {};
  if (find_role_by_id(info, ids[0]) == nullptr) {
    status.fail(path + "[0]", "'" + ids[0] + "' is not a role of this team");
    return {};
  }
  return ids[0];
}

AddRequest read_new_member(DecodeStatus& status, const TeamInfo& info, const nlohmann::json& value,
                           const std::string& path) {
  StructReader reader(status, value, path);
  AddRequest request;
  request.email = reader.string("member_email", StringRule::email);
  request.given_name = reader.optional_string("member_given_name", StringRule::optional_name);
  request.surname = reader.optional_string("member_surname", StringRule::optional_name);
  request.external_id =
      reader.optional_string("member_external_id", StringRule::member_external_id);
  request.persistent_id = reader.optional_string("member_persistent_id");
  (void)reader.boolean("send_welcome_email", true);
  (void)reader.optional_boolean("is_directory_restricted");
  request.role_id =
      read_role(status, info, reader.optional_list("role_ids"), reader.path_of("role_ids"));
  reader.finish();
  return request;
}

}  // namespace

HttpResponse route_members_add(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto* list = reader.list("new_members");
  const bool force_async = reader.boolean("force_async", false);
  std::vector<AddRequest> requests;
  if (list != nullptr && list->size() > k_max_add_batch) {
    status.fail("new_members", "at most 20 members can be added per call");
  }
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    requests.push_back(read_new_member(status, context.store.state().info, (*list)[i],
                                       "new_members[" + std::to_string(i) + "]"));
  }
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);

  auto results = nlohmann::json::array();
  for (const auto& request : requests) {
    const auto outcome = context.store.add_member(request, context.now);
    if (outcome.tag == "success") {
      auto item = member_info_v2_json(context.store, outcome.index, context.now);
      item[".tag"] = "success";
      results.push_back(std::move(item));
    } else {
      results.push_back({{".tag", outcome.tag}, {outcome.tag, request.email}});
    }
  }
  if (force_async || requests.size() > k_sync_add_limit) {
    const auto id = context.store.add_job(std::string(context.route), results.dump());
    return json_response({{".tag", "async_job_id"}, {"async_job_id", id}});
  }
  return json_response({{".tag", "complete"}, {"complete", std::move(results)}});
}

HttpResponse route_members_suspend(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto* user = reader.field("user");
  UserSelector selector;
  if (user != nullptr) selector = read_user_selector(status, *user, "user");
  (void)reader.boolean("wipe_data", true);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  return void_result(context.store.suspend(selector, context.now));
}

// The argument is the UserSelectorArg union itself, not a struct around it (REFERENCE §6.15).
HttpResponse route_members_send_welcome_email(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto selector = read_user_selector(status, arg, "");
  if (!status.ok()) return decode_failure(context, status);
  return void_result(context.store.check_welcome_email(selector));
}

HttpResponse route_members_unsuspend(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto selector = read_user_only(arg, status);
  if (!selector) return decode_failure(context, status);
  return void_result(context.store.unsuspend(*selector));
}

HttpResponse route_members_recover(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto selector = read_user_only(arg, status);
  if (!selector) return decode_failure(context, status);
  return void_result(context.store.recover(*selector, context.now));
}

HttpResponse route_members_remove(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  RemoveRequest request;
  if (const auto* user = reader.field("user")) {
    request.user = read_user_selector(status, *user, "user");
  }
  request.wipe_data = reader.boolean("wipe_data", true);
  if (const auto* dest = reader.optional_field("transfer_dest_id")) {
    request.transfer_dest = read_user_selector(status, *dest, "transfer_dest_id");
  }
  if (const auto* admin = reader.optional_field("transfer_admin_id")) {
    request.transfer_admin = read_user_selector(status, *admin, "transfer_admin_id");
  }
  request.keep_account = reader.boolean("keep_account", false);
  request.retain_team_shares = reader.boolean("retain_team_shares", false);
  request.permanently_delete_files = reader.boolean("permanently_delete_files", false);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  if (auto failure = context.store.remove(request, context.now)) return route_error(*failure);
  // Always asynchronous (decision 0104): the member is removed now, the job only reports.
  const auto id = context.store.add_job(std::string(context.route), "");
  return json_response({{".tag", "async_job_id"}, {"async_job_id", id}});
}

HttpResponse route_members_set_profile(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  ProfileChange change;
  if (const auto* user = reader.field("user")) {
    change.user = read_user_selector(status, *user, "user");
  }
  // An empty new_email is the route error param_cannot_be_empty, not a type error.
  const auto* email = reader.optional_field("new_email");
  if (email != nullptr && email->is_string() && email->get<std::string>().empty()) {
    change.new_email = std::string();
  } else if (email != nullptr) {
    change.new_email = reader.optional_string("new_email", StringRule::email);
  }
  change.new_external_id =
      reader.optional_string("new_external_id", StringRule::member_external_id);
  change.new_given_name = reader.optional_string("new_given_name", StringRule::optional_name);
  change.new_surname = reader.optional_string("new_surname", StringRule::optional_name);
  change.new_persistent_id = reader.optional_string("new_persistent_id");
  change.new_is_directory_restricted = reader.optional_boolean("new_is_directory_restricted");
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto result = context.store.set_profile(change, context.now);
  if (const auto* failure = std::get_if<ApiError>(&result)) return route_error(*failure);
  return json_response(
      {{"member_info",
        member_info_v2_json(context.store, std::get<std::size_t>(result), context.now)}});
}

HttpResponse route_members_set_permissions(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  UserSelector selector;
  if (const auto* user = reader.field("user")) selector = read_user_selector(status, *user, "user");
  std::string role_id;
  if (const auto* roles = reader.optional_list("new_roles")) {
    if (roles->size() > 1) status.fail("new_roles", "list has more than 1 item");
    const auto ids = read_string_list(status, *roles, "new_roles", StringRule::role_id);
    if (!ids.empty()) role_id = ids[0];
  }
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto result = context.store.set_role(selector, role_id);
  if (const auto* failure = std::get_if<ApiError>(&result)) return route_error(*failure);
  const auto& member = context.store.member(std::get<std::size_t>(result));
  return json_response({{"team_member_id", member.team_member_id},
                        {"roles", roles_json(context.store.state().info, member.role_id)}});
}

}  // namespace roster::emulator
