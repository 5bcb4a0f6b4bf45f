// members/bulk_suspend, its job status, and members/get_info_v2 to read members back
// (issue 10; team.stone BulkSuspendArg, BulkSuspendJobStatus, MembersGetInfoV2Arg).
#include "dropbox/bulk_suspend_calls.hpp"
#include "dropbox/wire/pages.hpp"

#include <limits>

#include "dropbox/wire/union_tag.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/dropbox/member_codec.hpp"

namespace roster::dropbox {

namespace json = core::json;
using core::Result;
using json::FieldReader;

namespace {

constexpr const char* k_launch = "members/bulk_suspend";
constexpr const char* k_check = "members/bulk_suspend/job_status/check";
constexpr const char* k_get_info = "members/get_info_v2";

void team_member_selector(json::Writer& w, const std::string& id) {
  w.begin_object().key(".tag").string("team_member_id").key("team_member_id").string(id);
  w.end_object();
}

// BulkSuspendArg{members: [BulkSuspendMemberTarget{client_item_id, suspend_arg}]};
// wipe_data is always sent: the API's default is true.
std::string encode_bulk_suspend(const std::vector<BulkSuspendTarget>& targets) {
  std::string out;
  json::Writer w(out);
  w.begin_object().key("members").begin_array();
  for (const auto& t : targets) {
    w.begin_object().key("client_item_id").string(t.client_item_id);
    w.key("suspend_arg").begin_object().key("user");
    team_member_selector(w, t.team_member_id);
    w.key("wipe_data").boolean(t.wipe_data).end_object().end_object();
  }
  w.end_array().end_object();
  return out;
}

std::string encode_get_info(const std::vector<std::string>& ids) {
  std::string out;
  json::Writer w(out);
  w.begin_object().key("members").begin_array();
  for (const auto& id : ids)
    team_member_selector(w, id);
  w.end_array().end_object();
  return out;
}

// BulkSuspendComplete, flattened beside its tag.
Result<BulkSuspendJob> decode_complete(const json::Value& done, BulkSuspendJob job) {
  DecodeError error;
  FieldReader fields(done, "answer", error);
  constexpr std::int64_t k_max = std::numeric_limits<std::int64_t>::max();
  fields.integer("requested", job.requested, 0, k_max);
  fields.integer("suspended", job.suspended, 0, k_max);
  fields.integer("failed", job.failed, 0, k_max);
  fields.integer("unknown", job.unknown, 0, k_max);
  const json::Value* delivery = fields.object("report_delivery");
  if (fields.failed()) return bad_answer(k_check, error.message);
  const std::string* tag = union_tag(*delivery);
  if (tag == nullptr) return bad_answer(k_check, "report_delivery without a .tag");
  job.report_delivery = *tag;
  return job;
}

// One MembersGetInfoItemV2 for the id asked at the same position.
Result<std::optional<model::ObservedMember>> decode_item(const json::Value& item,
                                                         const std::string& asked,
                                                         const std::string& path) {
  const std::string* tag = union_tag(item);
  if (tag != nullptr && *tag == "id_not_found") {
    const json::Value* echoed = item.find("id_not_found");
    if (echoed == nullptr || !echoed->is_string() || echoed->as_string() != asked)
      return bad_answer(k_get_info, path + " does not echo " + asked);
    return std::optional<model::ObservedMember>();
  }
  if (tag == nullptr || *tag != "member_info") {
    return bad_answer(k_get_info, path + " is neither member_info nor id_not_found");
  }
  DecodeError error;
  auto member = decode_member_info(item, path, error);
  if (!member) return bad_answer(k_get_info, error.message);
  if (member->team_member_id != asked) {
    return bad_answer(k_get_info, path + " is " + member->team_member_id + ", not " + asked);
  }
  return std::optional<model::ObservedMember>(std::move(*member));
}

}  // namespace

Result<std::string> launch_bulk_suspend(Rpc& rpc, const std::vector<BulkSuspendTarget>& targets) {
  auto launched = rpc.send(k_launch, encode_bulk_suspend(targets));
  if (!launched) return launched.error();
  // async.LaunchResultBase: the job id is the only answer.
  const std::string* tag = union_tag(*launched);
  const json::Value* id = launched->find("async_job_id");
  if (tag == nullptr || *tag != "async_job_id" || id == nullptr || !id->is_string() ||
      id->as_string().empty()) {
    return bad_answer(k_launch, "no async_job_id");
  }
  return id->as_string();
}

Result<BulkSuspendJob> wait_bulk_suspend(Rpc& rpc, const std::string& job_id) {
  json::Value launched(json::Object{{"async_job_id", json::Value(job_id)}});
  auto done = rpc.poll(k_check, launched);
  if (!done) return done.error();
  BulkSuspendJob job;
  job.job_id = job_id;
  const std::string* tag = union_tag(*done);
  if (tag != nullptr && *tag == "complete") return decode_complete(*done, std::move(job));
  if (tag != nullptr && *tag == "failed") {
    // BulkSuspendTaskFailure is a union: its value sits under the key "failed".
    const json::Value* failure = done->find("failed");
    const std::string* why = failure != nullptr ? union_tag(*failure) : nullptr;
    job.failure = why != nullptr ? *why : "failed";
    return job;
  }
  return bad_answer(k_check, "the job neither completed nor failed");
}

Result<std::vector<std::optional<model::ObservedMember>>> get_members(
    Rpc& rpc, const std::vector<std::string>& team_member_ids) {
  auto answer = rpc.read(k_get_info, encode_get_info(team_member_ids));
  if (!answer) return answer.error();
  const json::Value* items = answer->find("members_info");
  if (items == nullptr || !items->is_array()) return bad_answer(k_get_info, "no members_info");
  const auto& list = items->as_array();
  if (list.size() != team_member_ids.size()) {
    return bad_answer(k_get_info, std::to_string(list.size()) + " answers for " +
                                      std::to_string(team_member_ids.size()) + " members");
  }
  std::vector<std::optional<model::ObservedMember>> members;
  members.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto member =
        decode_item(list[i], team_member_ids[i], "members_info[" + std::to_string(i) + "]");
    if (!member) return member.error();
    members.push_back(std::move(*member));
  }
  return members;
}

}  // namespace roster::dropbox
