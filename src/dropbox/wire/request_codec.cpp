#include "dropbox/wire/request_codec.hpp"

#include "roster/core/json.hpp"

namespace roster::dropbox {

using core::json::Writer;

namespace {

// UserSelectorArg: {".tag": "team_member_id", "team_member_id": ...} (or email).
void selector(Writer& w, const char* tag, const std::string& value) {
  w.begin_object().key(".tag").string(tag).key(tag).string(value).end_object();
}

void optional_field(Writer& w, const char* key, const std::optional<std::string>& value) {
  if (value) w.key(key).string(*value);
}

}  // namespace

std::string encode_list_members() {
  return R"({"limit":1000,"include_removed":true})";
}

std::string encode_list_continue(const std::string& cursor) {
  std::string out;
  Writer(out).begin_object().key("cursor").string(cursor).end_object();
  return out;
}

std::string encode_add_members(const std::vector<NewMember>& members) {
  std::string out;
  Writer w(out);
  w.begin_object().key("new_members").begin_array();
  for (const auto& m : members) {
    w.begin_object().key("member_email").string(m.email);
    optional_field(w, "member_given_name", m.given_name);
    optional_field(w, "member_surname", m.surname);
    optional_field(w, "member_external_id", m.external_id);
    w.key("send_welcome_email").boolean(m.send_welcome_email).end_object();
  }
  w.end_array().key("force_async").boolean(false).end_object();
  return out;
}

std::string encode_suspend(const std::string& team_member_id, bool wipe_data) {
  std::string out;
  Writer w(out);
  w.begin_object().key("user");
  selector(w, "team_member_id", team_member_id);
  w.key("wipe_data").boolean(wipe_data).end_object();
  return out;
}

std::string encode_user(const std::string& team_member_id) {
  std::string out;
  Writer w(out);
  w.begin_object().key("user");
  selector(w, "team_member_id", team_member_id);
  w.end_object();
  return out;
}

std::string encode_selector(const std::string& team_member_id) {
  std::string out;
  Writer w(out);
  selector(w, "team_member_id", team_member_id);
  return out;
}

std::string encode_remove(const std::string& team_member_id, const RemoveArgs& args) {
  std::string out;
  Writer w(out);
  w.begin_object().key("user");
  selector(w, "team_member_id", team_member_id);
  w.key("wipe_data").boolean(args.wipe_data);
  if (!args.transfer_to.empty()) {
    w.key("transfer_dest_id");
    selector(w, "email", args.transfer_to);
    w.key("transfer_admin_id");
    selector(w, "email", args.transfer_admin);
  }
  w.key("keep_account").boolean(args.keep_account);
  w.key("retain_team_shares").boolean(args.retain_team_shares);
  w.end_object();
  return out;
}

std::string encode_set_profile(const std::string& team_member_id, const ProfileUpdate& update) {
  std::string out;
  Writer w(out);
  w.begin_object().key("user");
  selector(w, "team_member_id", team_member_id);
  optional_field(w, "new_email", update.new_email);
  optional_field(w, "new_external_id", update.new_external_id);
  optional_field(w, "new_given_name", update.new_given_name);
  optional_field(w, "new_surname", update.new_surname);
  w.end_object();
  return out;
}

std::string encode_poll(const std::string& async_job_id) {
  std::string out;
  Writer(out).begin_object().key("async_job_id").string(async_job_id).end_object();
  return out;
}

}  // namespace roster::dropbox
