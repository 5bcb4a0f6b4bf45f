#include "dropbox/access_calls.hpp"

#include "dropbox/wire/access_codec.hpp"
#include "dropbox/wire/access_results.hpp"
#include "dropbox/wire/pages.hpp"
#include "dropbox/wire/request_codec.hpp"
#include "dropbox/wire/union_tag.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/dropbox/group_codec.hpp"

namespace roster::dropbox {

namespace json = core::json;
using core::Result;
using json::FieldReader;

namespace {

// Every item of a listing's `key` over all its pages, each through `decode`.
template <typename T, typename Decode>
Result<std::vector<T>> read_all(Rpc& rpc, const std::string& first, std::string body,
                                const std::string& next, const char* key, Decode decode) {
  std::vector<T> out;
  auto read = for_each_page(
      rpc, first, std::move(body), next, key,
      [&](const std::string& route, const json::Array& items) -> Result<void> {
        DecodeError error;
        for (std::size_t i = 0; i < items.size(); ++i) {
          auto item =
              decode(items[i], "answer." + std::string(key) + "[" + std::to_string(i) + "]", error);
          if (!item) return bad_answer(route, error.message);
          out.push_back(std::move(*item));
        }
        return {};
      });
  if (!read) return read.error();
  return out;
}

// A team member id out of an `ExcludedUsersListResult.users` MemberProfile.
std::optional<std::string> decode_profile_id(const json::Value& value, const std::string& path,
                                             DecodeError& error) {
  FieldReader fields(value, path, error);
  std::string id;
  if (!fields.string("team_member_id", id)) return std::nullopt;
  return id;
}

}  // namespace

Result<void> AccessCalls::set_role(const UserRef& user, const std::string& role_id) {
  auto answer = rpc().send("members/set_admin_permissions_v2", encode_set_role(user, role_id));
  if (!answer) return answer.error();
  return {};
}

Result<std::vector<model::ObservedGroup>> AccessCalls::list_groups() {
  return read_all<model::ObservedGroup>(rpc(), "groups/list", encode_groups_list(),
                                        "groups/list/continue", "groups", decode_group_summary);
}

Result<std::vector<model::ObservedGroupMember>> AccessCalls::list_group_members(
    const std::string& group_id) {
  return read_all<model::ObservedGroupMember>(
      rpc(), "groups/members/list", encode_group_members_list(group_id),
      "groups/members/list/continue", "members", decode_group_member);
}

Result<std::string> AccessCalls::create_group(const NewGroup& group) {
  auto answer = rpc().send("groups/create", encode_group_create(group));
  if (!answer) return answer.error();
  DecodeError error;
  auto created = decode_group_summary(*answer, "answer", error);
  if (!created) return bad_answer("groups/create", error.message);
  return created->group_id;
}

Result<void> AccessCalls::update_group(const std::string& group_id, const GroupUpdate& update) {
  auto answer = rpc().send("groups/update", encode_group_update(group_id, update));
  if (!answer) return answer.error();
  return {};
}

// LaunchEmptyResult: `complete` at once, or a job polled on groups/job_status/get.
Result<void> AccessCalls::delete_group(const std::string& group_id) {
  auto launched = rpc().send("groups/delete", encode_group_selector(group_id));
  if (!launched) return launched.error();
  const std::string* tag = union_tag(*launched);
  if (tag != nullptr && *tag == "complete") return {};
  if (tag == nullptr || *tag != "async_job_id") return bad_answer("groups/delete", "no job");
  auto done = rpc().poll("groups/job_status/get", *launched);
  if (!done) return done.error();
  tag = union_tag(*done);
  if (tag == nullptr || *tag != "complete") {
    return bad_answer("groups/job_status/get", "the job neither finished nor failed");
  }
  return {};
}

Result<void> AccessCalls::add_group_members(const std::string& group_id,
                                            const std::vector<GroupMemberAccess>& members) {
  auto answer = rpc().send("groups/members/add", encode_group_members_add(group_id, members));
  if (!answer) return answer.error();
  return {};
}

Result<void> AccessCalls::remove_group_members(const std::string& group_id,
                                               const std::vector<UserRef>& users) {
  auto answer = rpc().send("groups/members/remove", encode_group_members_remove(group_id, users));
  if (!answer) return answer.error();
  return {};
}

Result<void> AccessCalls::set_group_access(const std::string& group_id, const UserRef& user,
                                           model::GroupAccess access) {
  auto answer =
      rpc().send("groups/members/set_access_type", encode_group_set_access(group_id, user, access));
  if (!answer) return answer.error();
  return {};
}

Result<std::vector<ItemOutcome>> AccessCalls::add_secondary_emails(
    const std::vector<MemberEmails>& batch) {
  const std::string route = "members/secondary_emails/add";
  auto answer = rpc().send(route, encode_secondary_emails("new_secondary_emails", batch));
  if (!answer) return answer.error();
  DecodeError error;
  auto outcomes = decode_secondary_email_results(*answer, batch, error);
  if (!outcomes) return bad_answer(route, error.message);
  return std::move(*outcomes);
}

Result<std::vector<ItemOutcome>> AccessCalls::delete_secondary_emails(
    const std::vector<MemberEmails>& batch) {
  const std::string route = "members/secondary_emails/delete";
  auto answer = rpc().send(route, encode_secondary_emails("emails_to_delete", batch));
  if (!answer) return answer.error();
  DecodeError error;
  auto outcomes = decode_secondary_email_results(*answer, batch, error);
  if (!outcomes) return bad_answer(route, error.message);
  return std::move(*outcomes);
}

Result<std::vector<std::optional<std::uint32_t>>> AccessCalls::get_custom_quotas(
    const std::vector<UserRef>& users) {
  const std::string route = "member_space_limits/get_custom_quota";
  auto answer = rpc().read(route, encode_quota_users(users));
  if (!answer) return answer.error();
  DecodeError error;
  auto quotas = decode_custom_quotas(*answer, users.size(), error);
  if (!quotas) return bad_answer(route, error.message);
  return std::move(*quotas);
}

Result<std::vector<ItemOutcome>> AccessCalls::set_custom_quotas(
    const std::vector<MemberQuota>& quotas) {
  const std::string route = "member_space_limits/set_custom_quota";
  auto answer = rpc().send(route, encode_set_quotas(quotas));
  if (!answer) return answer.error();
  std::vector<UserRef> users;
  users.reserve(quotas.size());
  for (const auto& q : quotas)
    users.push_back(q.user);
  DecodeError error;
  auto outcomes = decode_quota_outcomes(*answer, users, error);
  if (!outcomes) return bad_answer(route, error.message);
  return std::move(*outcomes);
}

Result<std::vector<ItemOutcome>> AccessCalls::remove_custom_quotas(
    const std::vector<UserRef>& users) {
  const std::string route = "member_space_limits/remove_custom_quota";
  auto answer = rpc().send(route, encode_quota_users(users));
  if (!answer) return answer.error();
  DecodeError error;
  auto outcomes = decode_quota_outcomes(*answer, users, error);
  if (!outcomes) return bad_answer(route, error.message);
  return std::move(*outcomes);
}

Result<std::vector<std::string>> AccessCalls::list_quota_excluded() {
  return read_all<std::string>(
      rpc(), "member_space_limits/excluded_users/list", encode_excluded_list(),
      "member_space_limits/excluded_users/list/continue", "users", decode_profile_id);
}

}  // namespace roster::dropbox
