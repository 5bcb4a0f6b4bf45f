// Polling of asynchronous jobs: members/add/job_status/get_v2, members/remove/job_status/get,
// groups/job_status/get (groups/delete jobs and the legacy " " of membership changes).
#include "routes/routes.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

std::optional<std::string> read_job_id(const nlohmann::json& arg, DecodeStatus& status) {
  StructReader reader(status, arg, "");
  auto id = reader.string("async_job_id", StringRule::async_job_id);
  reader.finish();
  if (!status.ok()) return std::nullopt;
  return id;
}

// Polls a job launched by `launcher`; a job of another route is not found here.
HttpResponse poll(RouteContext& context, const nlohmann::json& arg, std::string_view launcher) {
  DecodeStatus status;
  const auto id = read_job_id(arg, status);
  if (!id) return decode_failure(context, status);
  const auto job = context.store.find_job(*id);
  if (!job || context.store.state().jobs[*job].route != launcher) {
    return route_error({"invalid_async_job_id", std::nullopt});
  }
  if (!context.store.poll_job(*job)) return json_response(tag_only("in_progress"));
  const auto& result = context.store.state().jobs[*job].result;
  if (result.empty()) return json_response(tag_only("complete"));
  return json_response({{".tag", "complete"}, {"complete", nlohmann::json::parse(result)}});
}

}  // namespace

HttpResponse route_add_job_status(RouteContext& context, const nlohmann::json& arg) {
  return poll(context, arg, "team/members/add_v2");
}

HttpResponse route_remove_job_status(RouteContext& context, const nlohmann::json& arg) {
  return poll(context, arg, "team/members/remove");
}

HttpResponse route_groups_job_status(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto id = read_job_id(arg, status);
  if (!id) return decode_failure(context, status);
  // Group membership changes are immediate; their legacy job id is a single space.
  if (*id == " ") return json_response(tag_only("complete"));
  const auto job = context.store.find_job(*id);
  if (!job) return route_error({"invalid_async_job_id", std::nullopt});
  // Members jobs are not this route's to poll (GroupsPollError.access_denied).
  if (context.store.state().jobs[*job].route != "team/groups/delete") {
    return route_error({"access_denied", std::nullopt});
  }
  return poll(context, arg, "team/groups/delete");
}

}  // namespace roster::emulator
