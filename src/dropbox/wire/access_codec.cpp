#include "dropbox/wire/access_codec.hpp"

#include "roster/core/json.hpp"

namespace roster::dropbox {

using core::json::Writer;

namespace {

// UserSelectorArg: by team_member_id when known, else by email.
void user_selector(Writer& w, const UserRef& user) {
  const bool by_id = !user.team_member_id.empty();
  const char* tag = by_id ? "team_member_id" : "email";
  w.begin_object().key(".tag").string(tag).key(tag);
  w.string(by_id ? user.team_member_id : user.email).end_object();
}

// GroupSelector: always by group_id.
void group_selector(Writer& w, const std::string& group_id) {
  w.begin_object().key(".tag").string("group_id").key("group_id").string(group_id).end_object();
}

void void_tag(Writer& w, const char* tag) {
  w.begin_object().key(".tag").string(tag).end_object();
}

}  // namespace

std::string encode_set_role(const UserRef& user, const std::string& role_id) {
  std::string out;
  Writer w(out);
  w.begin_object().key("user");
  user_selector(w, user);
  w.key("new_roles").begin_array();  // [] makes a plain member
  if (!role_id.empty()) w.string(role_id);
  w.end_array().end_object();
  return out;
}

std::string encode_groups_list() {
  return R"({"limit":1000})";
}

std::string encode_group_members_list(const std::string& group_id) {
  std::string out;
  Writer w(out);
  w.begin_object().key("group");
  group_selector(w, group_id);
  w.key("limit").integer(1000).end_object();
  return out;
}

std::string encode_group_create(const NewGroup& group) {
  std::string out;
  Writer w(out);
  w.begin_object().key("group_name").string(group.name);
  w.key("add_creator_as_owner").boolean(false);
  if (group.external_id) w.key("group_external_id").string(*group.external_id);
  w.key("group_management_type");
  void_tag(w, model::to_string(group.management));
  w.end_object();
  return out;
}

std::string encode_group_update(const std::string& group_id, const GroupUpdate& update) {
  std::string out;
  Writer w(out);
  w.begin_object().key("group");
  group_selector(w, group_id);
  w.key("return_members").boolean(false);
  if (update.new_name) w.key("new_group_name").string(*update.new_name);
  if (update.new_external_id) w.key("new_group_external_id").string(*update.new_external_id);
  if (update.new_management) {
    w.key("new_group_management_type");
    void_tag(w, model::to_string(*update.new_management));
  }
  w.end_object();
  return out;
}

std::string encode_group_selector(const std::string& group_id) {
  std::string out;
  Writer w(out);
  group_selector(w, group_id);
  return out;
}

std::string encode_group_members_add(const std::string& group_id,
                                     const std::vector<GroupMemberAccess>& members) {
  std::string out;
  Writer w(out);
  w.begin_object().key("group");
  group_selector(w, group_id);
  w.key("members").begin_array();
  for (const auto& m : members) {
    w.begin_object().key("user");
    user_selector(w, m.user);
    w.key("access_type");
    void_tag(w, model::to_string(m.access));
    w.end_object();
  }
  w.end_array().key("return_members").boolean(false).end_object();
  return out;
}

std::string encode_group_members_remove(const std::string& group_id,
                                        const std::vector<UserRef>& users) {
  std::string out;
  Writer w(out);
  w.begin_object().key("group");
  group_selector(w, group_id);
  w.key("users").begin_array();
  for (const auto& user : users)
    user_selector(w, user);
  w.end_array().key("return_members").boolean(false).end_object();
  return out;
}

std::string encode_group_set_access(const std::string& group_id, const UserRef& user,
                                    model::GroupAccess access) {
  std::string out;
  Writer w(out);
  w.begin_object().key("group");
  group_selector(w, group_id);
  w.key("user");
  user_selector(w, user);
  w.key("access_type");
  void_tag(w, model::to_string(access));
  w.key("return_members").boolean(false).end_object();
  return out;
}

std::string encode_secondary_emails(const char* list_key, const std::vector<MemberEmails>& batch) {
  std::string out;
  Writer w(out);
  w.begin_object().key(list_key).begin_array();
  for (const auto& entry : batch) {
    w.begin_object().key("user");
    user_selector(w, entry.user);
    w.key("secondary_emails").begin_array();
    for (const auto& email : entry.emails)
      w.string(email);
    w.end_array().end_object();
  }
  w.end_array().end_object();
  return out;
}

std::string encode_quota_users(const std::vector<UserRef>& users) {
  std::string out;
  Writer w(out);
  w.begin_object().key("users").begin_array();
  for (const auto& user : users)
    user_selector(w, user);
  w.end_array().end_object();
  return out;
}

std::string encode_set_quotas(const std::vector<MemberQuota>& quotas) {
  std::string out;
  Writer w(out);
  w.begin_object().key("users_and_quotas").begin_array();
  for (const auto& q : quotas) {
    w.begin_object().key("user");
    user_selector(w, q.user);
    w.key("quota_gb").integer(q.quota_gb).end_object();
  }
  w.end_array().end_object();
  return out;
}

std::string encode_excluded_list() {
  return R"({"limit":1000})";
}

}  // namespace roster::dropbox
