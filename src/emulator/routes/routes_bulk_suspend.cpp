// members/bulk_suspend and members/bulk_suspend/job_status/check (team.stone, issue 10):
// a launch checked as a whole, rows suspended at launch (decision 0104), counts only.
#include <set>

#include "routes/routes.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

constexpr const char* k_route = "team/members/bulk_suspend";
// BulkSuspendArg.members: "Must contain between 1 and 500 targets."
constexpr std::size_t k_max_targets = 500;

struct Target {
  std::string client_item_id;
  UserSelector user;
};

// BulkSuspendMemberTarget{client_item_id, suspend_arg: MembersDeactivateArg{user, wipe_data}}
Target read_target(DecodeStatus& status, const nlohmann::json& value, const std::string& path) {
  StructReader item(status, value, path);
  Target target;
  target.client_item_id = item.string("client_item_id");
  if (const auto* arg = item.field("suspend_arg")) {
    StructReader suspend(status, *arg, item.path_of("suspend_arg"));
    if (const auto* user = suspend.field("user"))
      target.user = read_user_selector(status, *user, suspend.path_of("user"));
    (void)suspend.boolean("wipe_data", true);
    suspend.finish();
  }
  item.finish();
  return target;
}

std::vector<Target> read_targets(DecodeStatus& status, const nlohmann::json& arg) {
  StructReader reader(status, arg, "");
  const auto* list = reader.list("members");
  std::vector<Target> targets;
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i)
    targets.push_back(read_target(status, (*list)[i], "members[" + std::to_string(i) + "]"));
  reader.finish();
  return targets;
}

// A member named twice (by any selectors) or an unknown selector repeated.
std::string identity(const TeamStore& store, const UserSelector& user) {
  const auto found = store.find(user);
  if (found.found == Lookup::Found::member) return "#" + std::to_string(found.index);
  return std::to_string(static_cast<int>(user.kind)) + ":" + lower_ascii(user.value);
}

bool is_active_team_admin(const TeamStore& store, const Member& member) {
  return member.status == MemberStatus::active && store.is_team_admin(member);
}

// BulkSuspendError, checked over the whole launch before any row runs.
std::optional<std::string> launch_error(const TeamStore& store,
                                        const std::vector<Target>& targets) {
  if (targets.empty()) return "invalid_request";
  if (targets.size() > k_max_targets) return "too_many_members";
  std::set<std::string> items, members;
  for (const auto& target : targets) {
    if (!items.insert(target.client_item_id).second) return "duplicate_client_item_id";
  }
  for (const auto& target : targets) {
    if (!members.insert(identity(store, target.user)).second) return "duplicate_team_member_id";
  }
  const auto acting = store.token_admin();
  std::size_t admins_named = 0;
  for (const auto& target : targets) {
    const auto found = store.find(target.user);
    if (found.found != Lookup::Found::member) continue;
    if (acting && found.index == *acting) return "acting_admin";
    if (is_active_team_admin(store, store.member(found.index))) ++admins_named;
  }
  std::size_t admins = 0;
  for (const auto& member : store.state().members) {
    if (is_active_team_admin(store, member)) ++admins;
  }
  // The launch names the team's last admin: refused whole. With several admins named, the
  // rows run in order and the one that would leave no admin fails alone
  // (`suspend_last_admin`, a BulkSuspendRowFailure through MembersSuspendError).
  if (admins == 1 && admins_named == 1) return "last_admin";
  return std::nullopt;
}

}  // namespace

HttpResponse route_members_bulk_suspend(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto targets = read_targets(status, arg);
  if (!status.ok()) return decode_failure(context, status);
  if (auto tag = launch_error(context.store, targets)) return route_error({*tag, std::nullopt});
  std::int64_t suspended = 0;
  for (const auto& target : targets) {
    if (!context.store.suspend(target.user, context.now)) ++suspended;
  }
  const auto requested = static_cast<std::int64_t>(targets.size());
  // BulkSuspendComplete; the per-row report is emailed by Dropbox, so only counts exist.
  const nlohmann::json complete = {
      {"requested", requested},
      {"suspended", suspended},
      {"failed", requested - suspended},
      {"unknown", 0},
      {"report_delivery", tag_only("bulk_suspend_report_delivery_status_delivered")}};
  const auto id = context.store.add_job(k_route, complete.dump());
  return json_response({{".tag", "async_job_id"}, {"async_job_id", id}});
}

HttpResponse route_bulk_suspend_job_status(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  StructReader reader(status, arg, "");
  const auto id = reader.string("async_job_id", StringRule::async_job_id);
  reader.finish();
  if (!status.ok()) return decode_failure(context, status);
  const auto job = context.store.find_job(id);
  if (!job || context.store.state().jobs[*job].route != k_route) {
    return route_error({"invalid_async_job_id", std::nullopt});
  }
  if (!context.store.poll_job(*job)) return json_response(tag_only("in_progress"));
  // BulkSuspendJobStatus.complete is a struct: its fields sit beside the tag.
  auto result = nlohmann::json::parse(context.store.state().jobs[*job].result);
  result[".tag"] = "complete";
  return json_response(result);
}

}  // namespace roster::emulator
