// Catalogue entries for the access routes of issue 9: group records and access types,
// secondary emails, member space limits.
#include "error_catalogue.hpp"
#include "support/test_team.hpp"

namespace roster::emulator::test {

namespace {

using nlohmann::json;

json tag(const std::string& name) {
  return {{".tag", name}};
}
json by_id(std::uint64_t n) {
  return {{".tag", "group_id"}, {"group_id", acme_group_id(n)}};
}
json by_external_id(const std::string& id) {
  return {{".tag", "group_external_id"}, {"group_external_id", id}};
}
json missing_group() {
  return {{".tag", "group_id"}, {"group_id", "g:missing"}};
}
json users(std::size_t count) {
  auto list = json::array();
  for (std::size_t i = 0; i < count; ++i)
    list.push_back(by_email("u" + std::to_string(i) + "@acme.com"));
  return list;
}

std::vector<ErrorCase> group_record_cases() {
  const auto update = [](json group, json extra) {
    json arg = {{"group", std::move(group)}};
    arg.update(extra);
    return arg;
  };
  const std::pair<std::string, json> delete_sales = {"team/groups/delete", by_external_id("sales")};
  return {
      {"update an unknown group", "team/groups/update",
       update(missing_group(), {{"new_group_name", "X"}}), tag("group_not_found")},
      {"update a deleted group",
       "team/groups/update",
       update(by_id(1), {{"new_group_name", "X"}}),
       tag("group_not_found"),
       10,
       {delete_sales}},
      {"update a system-managed group", "team/groups/update",
       update(by_id(2), {{"new_group_name", "All"}}), tag("system_managed_group_disallowed")},
      {"make a group system-managed", "team/groups/update",
       update(by_external_id("sales"), {{"new_group_management_type", "system_managed"}}),
       tag("system_managed_group_disallowed")},
      {"rename a group to a used name", "team/groups/update",
       update(by_id(3), {{"new_group_name", "SALES"}}), tag("group_name_already_used")},
      {"rename a group to a blank name", "team/groups/update",
       update(by_id(3), {{"new_group_name", "  "}}), tag("group_name_invalid")},
      {"give a group a used external id", "team/groups/update",
       update(by_id(3), {{"new_group_external_id", "sales"}}), tag("external_id_already_in_use")},
      {"delete an unknown group", "team/groups/delete", missing_group(), tag("group_not_found")},
      {"delete a system-managed group", "team/groups/delete", by_id(2),
       tag("system_managed_group_disallowed")},
      {"delete a group twice",
       "team/groups/delete",
       by_external_id("sales"),
       tag("group_already_deleted"),
       10,
       {delete_sales}},
      {"add members to a deleted group",
       "team/groups/members/add",
       {{"group", by_id(1)},
        {"members",
         json::array({json{{"user", by_email("uma@acme.com")}, {"access_type", "member"}}})}},
       tag("group_not_found"),
       10,
       {delete_sales}},
  };
}

std::vector<ErrorCase> group_access_cases() {
  const auto set_access = [](json group, const std::string& address, const char* type) {
    return json{{"group", std::move(group)}, {"user", by_email(address)}, {"access_type", type}};
  };
  return {
      {"set the access type in an unknown group", "team/groups/members/set_access_type",
       set_access(missing_group(), "amy@acme.com", "owner"), tag("group_not_found")},
      {"set the access type in a system-managed group", "team/groups/members/set_access_type",
       set_access(by_id(2), "amy@acme.com", "member"), tag("system_managed_group_disallowed")},
      {"set the access type of someone not in the group", "team/groups/members/set_access_type",
       set_access(by_external_id("sales"), "uma@acme.com", "member"), tag("member_not_in_group")},
      {"set the access type of an unknown user", "team/groups/members/set_access_type",
       set_access(by_external_id("sales"), "ghost@acme.com", "member"), tag("member_not_in_group")},
      {"make a member without an admin role owner by access type",
       "team/groups/members/set_access_type",
       set_access(by_external_id("sales"), "amy@acme.com", "owner"),
       tag("user_cannot_be_manager_of_company_managed_group")},
  };
}

std::vector<ErrorCase> secondary_email_cases() {
  const auto add = [](json emails) {
    return json{
        {"new_secondary_emails", json::array({json{{"user", by_email("amy@acme.com")},
                                                   {"secondary_emails", std::move(emails)}}})}};
  };
  auto many = json::array();
  for (int i = 0; i < 21; ++i)
    many.push_back("amy" + std::to_string(i) + "@acme.com");
  return {
      {"add more than 20 secondary emails in one call", "team/members/secondary_emails/add",
       add(many), tag("too_many_emails")},
      {"add secondary emails on a team that disabled them",
       "team/members/secondary_emails/add",
       add(json::array({"amy.smith@acme.com"})),
       tag("secondary_emails_disabled"),
       10,
       {},
       0,
       R"("secondary_emails_enabled": false)"},
  };
}

std::vector<ErrorCase> space_limit_cases() {
  const std::pair<std::string, json> exclude_amy = {
      "team/member_space_limits/excluded_users/add",
      {{"users", json::array({by_email("amy@acme.com")})}}};
  auto quotas = json::array();
  for (const auto& user : users(1001))
    quotas.push_back({{"user", user}, {"quota_gb", 10}});
  return {
      {"set a custom quota for an excluded member",
       "team/member_space_limits/set_custom_quota",
       {{"users_and_quotas",
         json::array({json{{"user", by_email("amy@acme.com")}, {"quota_gb", 5}},
                      json{{"user", by_email("uma@acme.com")}, {"quota_gb", 5}}})}},
       tag("some_users_are_excluded"),
       10,
       {exclude_amy}},
      {"set custom quotas for more than 1,000 users",
       "team/member_space_limits/set_custom_quota",
       {{"users_and_quotas", quotas}},
       tag("too_many_users")},
      {"get custom quotas of more than 1,000 users",
       "team/member_space_limits/get_custom_quota",
       {{"users", users(1001)}},
       tag("too_many_users")},
      {"remove custom quotas of more than 1,000 users",
       "team/member_space_limits/remove_custom_quota",
       {{"users", users(1001)}},
       tag("too_many_users")},
      {"exclude more than 1,000 users",
       "team/member_space_limits/excluded_users/add",
       {{"users", users(1001)}},
       tag("too_many_users")},
      {"exclude a removed member",
       "team/member_space_limits/excluded_users/add",
       {{"users", json::array({by_email("amy@acme.com"), by_email("rita@acme.com")})}},
       tag("users_not_in_team")},
      {"stop excluding an unknown user",
       "team/member_space_limits/excluded_users/remove",
       {{"users", json::array({by_email("ghost@acme.com")})}},
       tag("users_not_in_team")},
      {"stop excluding more than 1,000 users",
       "team/member_space_limits/excluded_users/remove",
       {{"users", users(1001)}},
       tag("too_many_users")},
      {"continue an excluded users listing with a forged cursor",
       "team/member_space_limits/excluded_users/list/continue",
       {{"cursor", "AAAA"}},
       tag("invalid_cursor")},
  };
}

}  // namespace

std::vector<ErrorCase> access_error_cases() {
  std::vector<ErrorCase> all;
  for (auto part :
       {group_record_cases(), group_access_cases(), secondary_email_cases(), space_limit_cases()}) {
    for (auto& item : part)
      all.push_back(std::move(item));
  }
  return all;
}

}  // namespace roster::emulator::test
