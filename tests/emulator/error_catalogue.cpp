#include "error_catalogue.hpp"

#include "support/test_team.hpp"

namespace roster::emulator::test {

namespace {

using nlohmann::json;

json tag(const std::string& name) {
  return {{".tag", name}};
}
json user(const std::string& address) {
  return {{"user", by_email(address)}};
}
json remove_arg(const std::string& address, json extra) {
  json arg = user(address);
  arg.update(extra);
  return arg;
}

std::vector<ErrorCase> member_cases() {
  return {
      {"suspend an unknown member", "team/members/suspend", user("ghost@acme.com"),
       tag("user_not_found")},
      {"suspend a member of another team", "team/members/suspend", user("elsewhere@other.com"),
       tag("user_not_in_team")},
      {"suspend a removed member", "team/members/suspend", user("rita@acme.com"),
       tag("user_not_in_team")},
      {"suspend an invited member", "team/members/suspend", user("ian@acme.com"),
       tag("suspend_inactive_user")},
      {"suspend a suspended member", "team/members/suspend", user("sue@acme.com"),
       tag("suspend_inactive_user")},
      {"suspend the last team admin", "team/members/suspend", user("admin@acme.com"),
       tag("suspend_last_admin")},
      {"unsuspend an active member", "team/members/unsuspend", user("amy@acme.com"),
       tag("unsuspend_non_suspended_member")},
      {"unsuspend an invited member", "team/members/unsuspend", user("ian@acme.com"),
       tag("unsuspend_non_suspended_member")},
      {"unsuspend on an over-full team", "team/members/unsuspend", user("sue@acme.com"),
       tag("team_license_limit"), 4},
      {"unsuspend an unknown member",
       "team/members/unsuspend",
       {{"user", {{".tag", "team_member_id"}, {"team_member_id", "dbmid:nobody"}}}},
       tag("user_not_found")},
      {"recover after the 7-day window", "team/members/recover", user("olga@acme.com"),
       tag("user_unrecoverable")},
      {"recover once the window passes",
       "team/members/recover",
       user("rita@acme.com"),
       tag("user_unrecoverable"),
       10,
       {},
       7 * 24 * 3600},
      {"recover a member converted to Basic", "team/members/recover", user("basil@acme.com"),
       tag("user_unrecoverable")},
      {"recover a removed invitee",
       "team/members/recover",
       user("ian@acme.com"),
       tag("user_unrecoverable"),
       10,
       {{"team/members/remove", remove_arg("ian@acme.com", json::object())}}},
      {"recover a live member", "team/members/recover", user("amy@acme.com"),
       tag("user_unrecoverable")},
      {"recover without a free license", "team/members/recover", user("rita@acme.com"),
       tag("team_license_limit"), 5},
      {"recover an unknown member", "team/members/recover", user("ghost@acme.com"),
       tag("user_not_found")},
      {"recover a member of another team", "team/members/recover", user("elsewhere@other.com"),
       tag("user_not_in_team")},
  };
}

std::vector<ErrorCase> remove_cases() {
  const auto keep = json{{"keep_account", true}};
  const auto dest = [](const std::string& address) {
    return json{{"transfer_dest_id", by_email(address)}};
  };
  json dest_and_admin = {{"transfer_dest_id", by_email("uma@acme.com")},
                         {"transfer_admin_id", by_email("admin@acme.com")}};
  return {
      {"remove an unknown member", "team/members/remove", user("ghost@acme.com"),
       tag("user_not_found")},
      {"remove a removed member", "team/members/remove", user("olga@acme.com"),
       tag("user_not_in_team")},
      {"keep account while wiping data", "team/members/remove", remove_arg("amy@acme.com", keep),
       tag("cannot_keep_account_and_delete_data")},
      {"keep account and transfer", "team/members/remove",
       remove_arg("amy@acme.com", {{"keep_account", true},
                                   {"wipe_data", false},
                                   {"transfer_dest_id", by_email("uma@acme.com")},
                                   {"transfer_admin_id", by_email("admin@acme.com")}}),
       tag("cannot_keep_account_and_transfer")},
      {"keep account and permanently delete", "team/members/remove",
       remove_arg(
           "amy@acme.com",
           {{"keep_account", true}, {"wipe_data", false}, {"permanently_delete_files", true}}),
       tag("cannot_keep_account_and_permanently_delete")},
      {"retain shares without keeping the account", "team/members/remove",
       remove_arg("amy@acme.com", {{"retain_team_shares", true}, {"wipe_data", false}}),
       tag("cannot_retain_shares_when_no_account_kept")},
      {"retain shares while wiping data", "team/members/remove",
       remove_arg("amy@acme.com", {{"retain_team_shares", true}, {"keep_account", true}}),
       tag("cannot_retain_shares_when_data_wiped")},
      {"permanently delete and transfer", "team/members/remove",
       remove_arg("amy@acme.com",
                  [&] {
                    auto arg = dest_and_admin;
                    arg["permanently_delete_files"] = true;
                    return arg;
                  }()),
       tag("cannot_permanently_delete_and_transfer")},
      {"keep the account of an invitee", "team/members/remove",
       remove_arg("ian@acme.com", {{"keep_account", true}, {"wipe_data", false}}),
       tag("cannot_keep_invited_user_account")},
      {"transfer without a transfer admin", "team/members/remove",
       remove_arg("amy@acme.com", dest("uma@acme.com")), tag("unspecified_transfer_admin_id")},
      {"transfer to an unknown member", "team/members/remove",
       remove_arg("amy@acme.com", {{"transfer_dest_id", by_email("ghost@acme.com")},
                                   {"transfer_admin_id", by_email("admin@acme.com")}}),
       tag("transfer_dest_user_not_found")},
      {"transfer to a removed member", "team/members/remove",
       remove_arg("amy@acme.com", {{"transfer_dest_id", by_email("olga@acme.com")},
                                   {"transfer_admin_id", by_email("admin@acme.com")}}),
       tag("transfer_dest_user_not_in_team")},
      {"transfer to the removed member", "team/members/remove",
       remove_arg("amy@acme.com", {{"transfer_dest_id", by_email("amy@acme.com")},
                                   {"transfer_admin_id", by_email("admin@acme.com")}}),
       tag("removed_and_transfer_dest_should_differ")},
      {"transfer admin unknown", "team/members/remove",
       remove_arg("amy@acme.com", {{"transfer_dest_id", by_email("uma@acme.com")},
                                   {"transfer_admin_id", by_email("ghost@acme.com")}}),
       tag("transfer_admin_user_not_found")},
      {"transfer admin not on the team", "team/members/remove",
       remove_arg("amy@acme.com", {{"transfer_dest_id", by_email("uma@acme.com")},
                                   {"transfer_admin_id", by_email("elsewhere@other.com")}}),
       tag("transfer_admin_user_not_in_team")},
      {"transfer admin is the removed member", "team/members/remove",
       remove_arg("uma@acme.com", {{"transfer_dest_id", by_email("amy@acme.com")},
                                   {"transfer_admin_id", by_email("uma@acme.com")}}),
       tag("removed_and_transfer_admin_should_differ")},
      {"transfer admin who is no team admin", "team/members/remove",
       remove_arg("amy@acme.com", {{"transfer_dest_id", by_email("admin@acme.com")},
                                   {"transfer_admin_id", by_email("uma@acme.com")}}),
       tag("transfer_admin_is_not_admin")},
      {"remove the last team admin", "team/members/remove", user("admin@acme.com"),
       tag("remove_last_admin")},
  };
}

std::vector<ErrorCase> profile_and_role_cases() {
  auto profile = [](json extra) {
    json arg = user("amy@acme.com");
    arg.update(extra);
    return arg;
  };
  return {
      {"set profile without new data", "team/members/set_profile_v2", user("amy@acme.com"),
       tag("no_new_data_specified")},
      {"set profile to another member's email", "team/members/set_profile_v2",
       profile({{"new_email", "UMA@acme.com"}}), tag("email_reserved_for_other_user")},
      {"set profile to a recoverable member's email", "team/members/set_profile_v2",
       profile({{"new_email", "rita@acme.com"}}), tag("email_reserved_for_other_user")},
      {"set profile to another member's external id", "team/members/set_profile_v2",
       profile({{"new_external_id", "E0"}}), tag("external_id_used_by_other_user")},
      {"select by external id while changing it",
       "team/members/set_profile_v2",
       {{"user", {{".tag", "external_id"}, {"external_id", "E1"}}}, {"new_external_id", "E9"}},
       tag("external_id_and_new_external_id_unsafe")},
      {"set an empty email", "team/members/set_profile_v2", profile({{"new_email", ""}}),
       tag("param_cannot_be_empty")},
      {"set the profile of a removed member",
       "team/members/set_profile_v2",
       {{"user", by_email("rita@acme.com")}, {"new_given_name", "R"}},
       tag("set_profile_disallowed")},
      {"set a persistent id", "team/members/set_profile_v2",
       profile({{"new_persistent_id", "p-1"}}), tag("persistent_id_disabled")},
      {"set directory restriction", "team/members/set_profile_v2",
       profile({{"new_is_directory_restricted", true}}), tag("directory_restricted_off")},
      {"set the profile of an unknown member",
       "team/members/set_profile_v2",
       {{"user", by_email("ghost@acme.com")}, {"new_given_name", "G"}},
       tag("user_not_found")},
      {"send a welcome email to an unknown user", "team/members/send_welcome_email",
       by_email("ghost@acme.com"), tag("user_not_found")},
      {"send a welcome email to a removed member", "team/members/send_welcome_email",
       by_email("rita@acme.com"), tag("user_not_in_team")},
      {"demote the last team admin",
       "team/members/set_admin_permissions_v2",
       {{"user", by_email("admin@acme.com")}, {"new_roles", json::array()}},
       tag("last_admin")},
      {"grant a role to a suspended member",
       "team/members/set_admin_permissions_v2",
       {{"user", by_email("sue@acme.com")},
        {"new_roles", json::array({"pid_dbtmr:support_admin"})}},
       tag("cannot_set_permissions")},
      {"grant an unknown role",
       "team/members/set_admin_permissions_v2",
       {{"user", by_email("amy@acme.com")}, {"new_roles", json::array({"pid_dbtmr:nope"})}},
       tag("role_not_found")},
      {"grant a role to a removed member",
       "team/members/set_admin_permissions_v2",
       {{"user", by_email("rita@acme.com")}, {"new_roles", json::array()}},
       tag("user_not_in_team")},
      {"continue a member listing with a forged cursor",
       "team/members/list/continue_v2",
       {{"cursor", "not-a-cursor"}},
       tag("invalid_cursor")},
      {"poll an unknown add job",
       "team/members/add/job_status/get_v2",
       {{"async_job_id", "dbjid:unknown"}},
       tag("invalid_async_job_id")},
      {"poll an unknown remove job",
       "team/members/remove/job_status/get",
       {{"async_job_id", "dbjid:unknown"}},
       tag("invalid_async_job_id")},
  };
}

std::vector<ErrorCase> group_cases() {
  const json group_sales = {{".tag", "group_external_id"}, {"group_external_id", "sales"}};
  auto add = [&](json members) { return json{{"group", group_sales}, {"members", members}}; };
  auto access = [](const std::string& address, const char* type) {
    return json{{"user", by_email(address)}, {"access_type", type}};
  };
  return {
      {"create a group with a used name",
       "team/groups/create",
       {{"group_name", "sales"}},
       tag("group_name_already_used")},
      {"create a group with an empty name",
       "team/groups/create",
       {{"group_name", " "}},
       tag("group_name_invalid")},
      {"create a group with a used external id",
       "team/groups/create",
       {{"group_name", "Other"}, {"group_external_id", "sales"}},
       tag("external_id_already_in_use")},
      {"create a system-managed group",
       "team/groups/create",
       {{"group_name", "Sys"}, {"group_management_type", "system_managed"}},
       tag("system_managed_group_disallowed")},
      {"add to an unknown group",
       "team/groups/members/add",
       {{"group", {{".tag", "group_id"}, {"group_id", "g:missing"}}},
        {"members", json::array({access("amy@acme.com", "member")})}},
       tag("group_not_found")},
      {"add someone already in the group", "team/groups/members/add",
       add(json::array({access("amy@acme.com", "member")})), tag("duplicate_user")},
      {"add a removed member to a group",
       "team/groups/members/add",
       add(json::array({access("rita@acme.com", "member")})),
       {{".tag", "members_not_in_team"}, {"members_not_in_team", json::array({"rita@acme.com"})}}},
      {"add an unknown user to a group",
       "team/groups/members/add",
       add(json::array({access("ghost@acme.com", "member")})),
       {{".tag", "users_not_found"}, {"users_not_found", json::array({"ghost@acme.com"})}}},
      {"make a suspended member a group owner",
       "team/groups/members/add",
       {{"group", {{".tag", "group_external_id"}, {"group_external_id", "sales"}}},
        {"members", json::array({access("sue@acme.com", "owner")})}},
       tag("user_must_be_active_to_be_owner")},
      {"make a member without an admin role owner of a company-managed group",
       "team/groups/members/add",
       add(json::array({access("amy@acme.com", "owner")})),
       {{".tag", "user_cannot_be_manager_of_company_managed_group"},
        {"user_cannot_be_manager_of_company_managed_group", json::array({"amy@acme.com"})}},
       10,
       {{"team/groups/members/remove",
         {{"group", group_sales}, {"users", json::array({by_email("amy@acme.com")})}}}}},
      {"remove someone who is not in the group",
       "team/groups/members/remove",
       {{"group", group_sales}, {"users", json::array({by_email("uma@acme.com")})}},
       tag("member_not_in_group")},
      {"remove an unknown user from a group",
       "team/groups/members/remove",
       {{"group", group_sales}, {"users", json::array({by_email("ghost@acme.com")})}},
       {{".tag", "users_not_found"}, {"users_not_found", json::array({"ghost@acme.com"})}}},
      {"list members of an unknown group",
       "team/groups/members/list",
       {{"group", {{".tag", "group_id"}, {"group_id", "g:missing"}}}},
       tag("group_not_found")},
      {"continue a group listing with a forged cursor",
       "team/groups/list/continue",
       {{"cursor", "AAAA"}},
       tag("invalid_cursor")},
      {"continue a group member listing with a forged cursor",
       "team/groups/members/list/continue",
       {{"cursor", "AAAA"}},
       tag("invalid_cursor")},
      {"poll a group job that does not exist",
       "team/groups/job_status/get",
       {{"async_job_id", "dbjid:unknown"}},
       tag("invalid_async_job_id")},
  };
}

}  // namespace

std::vector<ErrorCase> error_catalogue() {
  std::vector<ErrorCase> all;
  for (auto part : {member_cases(), remove_cases(), profile_and_role_cases(), group_cases(),
                    access_error_cases()}) {
    for (auto& item : part)
      all.push_back(std::move(item));
  }
  return all;
}

}  // namespace roster::emulator::test
