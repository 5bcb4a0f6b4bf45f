// Snapshots carry the team's access as Dropbox answers it: groups, group members, quotas.
#include <catch2/catch.hpp>

#include "roster/dropbox/snapshot.hpp"
#include "support/diagnostics.hpp"

using namespace roster;

namespace {

const char* k_members = R"("members": [
  {"profile": {"team_member_id": "dbmid:1", "email": "amy@acme.com", "status": {".tag": "active"},
   "name": {"given_name": "Amy", "surname": "S"}, "groups": ["g:1"],
   "secondary_emails": [{"email": "amy@old.acme.com", "is_verified": true}]}},
  {"profile": {"team_member_id": "dbmid:2", "email": "bob@acme.com", "status": {".tag": "active"},
   "name": {"given_name": "Bob", "surname": "T"}}}])";

const char* k_groups = R"("groups": [
  {"group_name": "Sales", "group_id": "g:1", "group_external_id": "sales", "member_count": 1,
   "group_management_type": {".tag": "company_managed"}},
  {"group_name": "Everyone", "group_id": "g:0", "group_management_type": {".tag": "system_managed"}}])";

dropbox::LoadedSnapshot load(const std::string& body) {
  return dropbox::read_snapshot_text("{" + body + "}", "team.json");
}

std::vector<std::string> errors_of(const std::string& body) {
  return test::printed(load(body).diagnostics);
}

}  // namespace

TEST_CASE("a snapshot without access keys has no groups or quotas read", "[snapshot][access]") {
  auto loaded = load(k_members);
  REQUIRE(loaded.diagnostics.empty());
  CHECK_FALSE(loaded.team.groups_read);
  CHECK_FALSE(loaded.team.quotas_read);
  CHECK(loaded.team.members[0].group_ids == std::vector<std::string>{"g:1"});
  CHECK(loaded.team.members[0].secondary_emails.size() == 1);
}

TEST_CASE("a snapshot's groups, group members and quotas are read as Dropbox answers them",
          "[snapshot][access]") {
  auto loaded = load(std::string(k_groups) + R"(,
    "group_members": {"g:1": [{"profile": {"team_member_id": "dbmid:1", "email": "amy@acme.com"},
                               "access_type": {".tag": "owner"}}]},
    "custom_quotas": [
      {".tag": "success", "user": {".tag": "team_member_id", "team_member_id": "dbmid:1"}, "quota_gb": 50},
      {".tag": "success", "user": {".tag": "email", "email": "Bob@acme.com"}},
      {".tag": "invalid_user", "invalid_user": {".tag": "email", "email": "x@acme.com"}}],
    "quota_excluded": [{"team_member_id": "dbmid:2", "email": "bob@acme.com"}],
    )" + k_members);
  REQUIRE(loaded.diagnostics.empty());
  const auto& team = loaded.team;
  CHECK(team.groups_read);
  REQUIRE(team.groups.size() == 2);
  CHECK(team.groups[0].name == "Sales");
  REQUIRE(team.groups[0].members);
  CHECK((*team.groups[0].members)[0].access == model::GroupAccess::owner);
  CHECK_FALSE(team.groups[1].members);  // not recorded: not read
  CHECK(team.quotas_read);
  CHECK(team.members[0].custom_quota_gb == 50u);
  CHECK_FALSE(team.members[1].custom_quota_gb);
  CHECK(team.quota_excluded_ids == std::vector<std::string>{"dbmid:2"});
}

TEST_CASE("malformed access keys of a snapshot are located errors", "[snapshot][access]") {
  CHECK(errors_of(R"("groups": {}, )" + std::string(k_members)) ==
        std::vector<std::string>{"team.json:1:12: error: groups: must be a list, found object"});
  CHECK(errors_of(R"("groups": [{"group_id": "g:1"}], )" + std::string(k_members)) ==
        std::vector<std::string>{
            "team.json:1:13: error: groups[0]: missing required field \"group_name\""});
  CHECK(errors_of(std::string(k_groups) + R"(, "group_members": {"g:9": []}, )" + k_members) ==
        std::vector<std::string>{
            "team.json:4:129: error: group_members: \"g:9\" is not a group of the snapshot's "
            "\"groups\""});
  CHECK(errors_of(R"("group_members": [], )" + std::string(k_members)) ==
        std::vector<std::string>{"team.json:1:19: error: group_members: must be an object "
                                 "{group_id: [GroupMemberInfo, ...]}, found array"});
  CHECK(errors_of(R"("custom_quotas": [{".tag": "success", "user": {".tag": "team_member_id",
      "team_member_id": "dbmid:9"}}], )" +
                  std::string(k_members)) ==
        std::vector<std::string>{
            "team.json:1:20: error: custom_quotas: \"dbmid:9\" is not a live member of the "
            "snapshot"});
  CHECK(errors_of(R"("custom_quotas": [{".tag": "success", "user": {".tag": "external_id",
      "external_id": "E1"}}], )" +
                  std::string(k_members)) ==
        std::vector<std::string>{
            "team.json:1:48: error: custom_quotas[0].user: a member is chosen by team_member_id "
            "or email, not \"external_id\""});
  CHECK(errors_of(R"("custom_quotas": [{".tag": "success", "user": {".tag": "email",
      "email": "amy@acme.com"}, "quota_gb": 1}], )" +
                  std::string(k_members)) ==
        std::vector<std::string>{
            "team.json:2:45: error: custom_quotas[0]: \"quota_gb\" must be a whole number from 2 "
            "to 4294967295, found 1"});
  CHECK(errors_of(R"("quota_excluded": [{}], )" + std::string(k_members)) ==
        std::vector<std::string>{
            "team.json:1:21: error: quota_excluded[0]: missing required field \"team_member_id\""});
}
