// Every access call of HttpTeamApi (issue 9) against roster-emulator over loopback: each
// succeeds as the spec says, and each fails with the spec's error, classified.
#include "access_support.hpp"

using namespace roster;
using dropbox::UserRef;
using test::AccessClient;
using test::EmulatorRunner;

namespace {

std::string role_id(AccessClient& client, const std::string& name) {
  auto roles = client.api->get_available_roles();
  REQUIRE(roles);
  for (const auto& r : *roles) {
    if (r.name == name) return r.role_id;
  }
  FAIL("no role " << name);
  return "";
}

void check_conflict(const core::Error& error, const std::string& route, const std::string& tag) {
  CHECK(error.kind == core::ErrorKind::conflict);
  CHECK(error.api_tag == tag);
  CHECK(error.message == "team/" + route + " failed: " + tag);
}

}  // namespace

TEST_CASE("set_role grants and revokes an admin role - the last admin cannot lose it",
          "[live][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  const std::string amy = client.id_of("amy@acme.com");
  REQUIRE(client.api->set_role({amy, ""}, role_id(client, "User management admin")));
  CHECK(client.find("amy@acme.com")->role == model::Role::user_management_admin);
  REQUIRE(client.api->set_role({amy, ""}, ""));  // [] makes a plain member
  CHECK(client.find("amy@acme.com")->role == model::Role::member_only);
  CHECK(emulator.calls("team/members/set_admin_permissions_v2") == 2);

  auto last = client.api->set_role({client.id_of("admin@acme.com"), ""}, "");
  REQUIRE_FALSE(last);
  check_conflict(last.error(), "members/set_admin_permissions_v2", "last_admin");
  auto unknown = client.api->set_role({amy, ""}, "pid_dbtmr:nope");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().api_tag == "role_not_found");
}

TEST_CASE("create, update and delete a group - each refuses what the spec refuses",
          "[live][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  auto id = client.api->create_group({"Ops", "ops", model::GroupManagement::user_managed});
  REQUIRE(id);
  CHECK(client.group_id("Ops") == *id);
  auto taken = client.api->create_group({"Ops", std::nullopt, {}});
  REQUIRE_FALSE(taken);
  check_conflict(taken.error(), "groups/create", "group_name_already_used");

  dropbox::GroupUpdate update;
  update.new_name = "Operations";
  update.new_external_id = "";  // clears it
  update.new_management = model::GroupManagement::company_managed;
  REQUIRE(client.api->update_group(*id, update));
  auto groups = client.api->list_groups();
  REQUIRE(groups);
  auto ops = std::find_if(groups->begin(), groups->end(),
                          [&](const auto& g) { return g.group_id == *id; });
  REQUIRE(ops != groups->end());
  CHECK(ops->name == "Operations");
  CHECK_FALSE(ops->external_id);
  CHECK(ops->management == model::GroupManagement::company_managed);
  dropbox::GroupUpdate clash;
  clash.new_external_id = "sales";
  auto used = client.api->update_group(*id, clash);
  REQUIRE_FALSE(used);
  check_conflict(used.error(), "groups/update", "external_id_already_in_use");

  REQUIRE(client.api->delete_group(*id));  // a job, polled to its end
  CHECK(emulator.calls("team/groups/job_status/get") >= 1);
  auto again = client.api->delete_group(*id);
  REQUIRE_FALSE(again);
  check_conflict(again.error(), "groups/delete", "group_already_deleted");
  auto system = client.api->delete_group(client.group_id("Everyone"));
  REQUIRE_FALSE(system);
  check_conflict(system.error(), "groups/delete", "system_managed_group_disallowed");
}

TEST_CASE("group members are added (invitees by email), changed and removed in one call each",
          "[live][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  const std::string eng = client.group_id("Eng");
  const std::string amy = client.id_of("amy@acme.com");
  REQUIRE(client.api->add_group_members(eng, {{{amy, ""}, model::GroupAccess::owner},
                                              {{"", "ian@acme.com"}, model::GroupAccess::member}}));
  CHECK(emulator.calls("team/groups/members/add") == 1);
  auto members = client.api->list_group_members(eng);
  REQUIRE(members);
  CHECK(members->size() == 3);  // bob, amy, ian

  auto duplicate = client.api->add_group_members(eng, {{{amy, ""}, model::GroupAccess::member}});
  REQUIRE_FALSE(duplicate);
  check_conflict(duplicate.error(), "groups/members/add", "duplicate_user");

  REQUIRE(client.api->set_group_access(eng, {amy, ""}, model::GroupAccess::member));
  members = client.api->list_group_members(eng);
  REQUIRE(members);
  for (const auto& m : *members)
    CHECK(m.access == model::GroupAccess::member);
  auto outsider = client.api->set_group_access(
      client.group_id("Sales"), {client.id_of("bob@acme.com"), ""}, model::GroupAccess::owner);
  REQUIRE_FALSE(outsider);
  check_conflict(outsider.error(), "groups/members/set_access_type", "member_not_in_group");

  REQUIRE(client.api->remove_group_members(eng, {{amy, ""}, {"", "ian@acme.com"}}));
  members = client.api->list_group_members(eng);
  REQUIRE(members);
  CHECK(members->size() == 1);
  auto gone = client.api->remove_group_members(eng, {{amy, ""}});
  REQUIRE_FALSE(gone);
  check_conflict(gone.error(), "groups/members/remove", "member_not_in_group");

  auto missing = client.api->list_group_members("g:doesnotexist");
  REQUIRE_FALSE(missing);
  check_conflict(missing.error(), "groups/members/list", "group_not_found");
}

TEST_CASE("groups/list fails as a whole when the server keeps failing", "[live][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  emulator.fault(R"({"route": "team/groups/list", "kind": "503", "count": 5})");
  AccessClient client(emulator, 2);
  auto groups = client.api->list_groups();
  REQUIRE_FALSE(groups);
  CHECK(groups.error().kind == core::ErrorKind::unavailable);
  CHECK(emulator.calls("team/groups/list") == 2);  // a read: retried
}

TEST_CASE("secondary emails: one outcome per (member, email), placeholder users included",
          "[live][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  const std::string amy = client.id_of("amy@acme.com");
  auto added = client.api->add_secondary_emails({{{amy, ""}, {"amy2@acme.com", "amy@old.acme.com"}},
                                                 {{"", "ian@acme.com"}, {"ian2@acme.com"}}});
  REQUIRE(added);
  REQUIRE(added->size() == 3);
  CHECK((*added)[0].ok());
  CHECK((*added)[1].error_tag == "already_owned_by_user");
  CHECK((*added)[2].error_tag == "placeholder_user");
  CHECK((*added)[2].email == "ian2@acme.com");
  auto amy_now = client.find("amy@acme.com");
  REQUIRE(amy_now);
  CHECK(amy_now->secondary_emails.size() == 2);

  auto deleted =
      client.api->delete_secondary_emails({{{amy, ""}, {"amy@old.acme.com", "never@acme.com"}}});
  REQUIRE(deleted);
  REQUIRE(deleted->size() == 2);
  CHECK((*deleted)[0].ok());
  CHECK((*deleted)[1].error_tag == "not_found");
  CHECK(emulator.calls("team/members/secondary_emails/add") == 1);
  CHECK(emulator.calls("team/members/secondary_emails/delete") == 1);
}

TEST_CASE("custom quotas: get, set and remove per member - excluded members and too many refused",
          "[live][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  const std::string amy = client.id_of("amy@acme.com");
  const std::string admin = client.id_of("admin@acme.com");
  auto quotas = client.api->get_custom_quotas({{amy, ""}, {admin, ""}});
  REQUIRE(quotas);
  CHECK((*quotas)[0] == 50u);
  CHECK_FALSE((*quotas)[1]);

  auto set = client.api->set_custom_quotas({{{admin, ""}, 20}, {{"dbmid:nobody", ""}, 20}});
  REQUIRE(set);
  CHECK((*set)[0].ok());
  CHECK((*set)[1].error_tag == "invalid_user");
  auto excluded = client.api->set_custom_quotas({{{client.id_of("bob@acme.com"), ""}, 20}});
  REQUIRE_FALSE(excluded);
  check_conflict(excluded.error(), "member_space_limits/set_custom_quota",
                 "some_users_are_excluded");

  auto removed = client.api->remove_custom_quotas({{amy, ""}, {"dbmid:nobody", ""}});
  REQUIRE(removed);
  CHECK((*removed)[0].ok());
  CHECK((*removed)[1].error_tag == "invalid_user");
  quotas = client.api->get_custom_quotas({{amy, ""}, {admin, ""}});
  REQUIRE(quotas);
  CHECK_FALSE((*quotas)[0]);
  CHECK((*quotas)[1] == 20u);

  std::vector<UserRef> too_many(1001, UserRef{amy, ""});
  auto refused = client.api->get_custom_quotas(too_many);
  REQUIRE_FALSE(refused);
  check_conflict(refused.error(), "member_space_limits/get_custom_quota", "too_many_users");
}

TEST_CASE("the excluded list is read to its end, and fails as a whole", "[live][access]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator, 2);
  auto excluded = client.api->list_quota_excluded();
  REQUIRE(excluded);
  CHECK(*excluded == std::vector<std::string>{client.id_of("bob@acme.com")});
  emulator.fault(
      R"({"route": "team/member_space_limits/excluded_users/list", "kind": "500", "count": 5})");
  auto failed = client.api->list_quota_excluded();
  REQUIRE_FALSE(failed);
  CHECK(failed.error().message ==
        "Dropbox server error 500 on team/member_space_limits/excluded_users/list");
}

TEST_CASE("check_scopes asks groups.write with a job poll, changing nothing",
          "[live][access][scopes]") {
  EmulatorRunner emulator(test::access_seed().dump(), "test-token",
                          {"--scopes", "team_info.read,members.read,members.write,groups.read"});
  AccessClient client(emulator);
  CHECK(client.api->check_scopes(
      {dropbox::Write::set_role, dropbox::Write::secondary_emails, dropbox::Write::space_limits}));
  auto refused = client.api->check_scopes({dropbox::Write::groups});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().message ==
        "the Dropbox token lacks the scope groups.write, needed by team/groups/create, "
        "team/groups/update, team/groups/delete, team/groups/members/add, "
        "team/groups/members/remove, team/groups/members/set_access_type (401 missing_scope)");
  CHECK(emulator.calls("team/groups/job_status/get") == 1);
}
