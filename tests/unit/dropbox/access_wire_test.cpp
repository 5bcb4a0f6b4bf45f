// What roster sends on the access routes (issue 9) and how it reads their per-item answers,
// without HTTP: the Stone encoding of REFERENCE §6.11, §6.14, §7 and team.stone.
#include <catch2/catch.hpp>

#include "roster/dropbox/scope_needs.hpp"
#include "dropbox/wire/access_codec.hpp"
#include "dropbox/wire/access_results.hpp"
#include "dropbox/wire/error_mapping.hpp"

using namespace roster;
using namespace roster::dropbox;

namespace {

core::json::Value parse(const std::string& text) {
  core::json::Value value;
  std::string error;
  REQUIRE(core::json::parse(text, value, error));
  return value;
}

const UserRef amy{"dbmid:amy", "amy@x.com"};
const UserRef new_bob{"", "bob@x.com"};  // invited by this apply: no id yet

}  // namespace

TEST_CASE("access request bodies follow the Stone encoding", "[dropbox][access]") {
  CHECK(encode_set_role(amy, "pid_dbtmr:1") ==
        R"({"user":{".tag":"team_member_id","team_member_id":"dbmid:amy"},)"
        R"("new_roles":["pid_dbtmr:1"]})");
  CHECK(encode_set_role(new_bob, "") ==
        R"({"user":{".tag":"email","email":"bob@x.com"},"new_roles":[]})");
  CHECK(encode_groups_list() == R"({"limit":1000})");
  CHECK(encode_group_members_list("g:1") ==
        R"({"group":{".tag":"group_id","group_id":"g:1"},"limit":1000})");
  CHECK(encode_group_create({"Sales", "sales", model::GroupManagement::user_managed}) ==
        R"({"group_name":"Sales","add_creator_as_owner":false,"group_external_id":"sales",)"
        R"("group_management_type":{".tag":"user_managed"}})");
  CHECK(encode_group_create({"Eng", std::nullopt, model::GroupManagement::company_managed}) ==
        R"({"group_name":"Eng","add_creator_as_owner":false,)"
        R"("group_management_type":{".tag":"company_managed"}})");
  GroupUpdate update;
  update.new_external_id = "";  // "" clears it
  update.new_management = model::GroupManagement::company_managed;
  CHECK(encode_group_update("g:1", update) ==
        R"({"group":{".tag":"group_id","group_id":"g:1"},"return_members":false,)"
        R"("new_group_external_id":"","new_group_management_type":{".tag":"company_managed"}})");
  CHECK(encode_group_selector("g:1") == R"({".tag":"group_id","group_id":"g:1"})");
  CHECK(encode_group_members_add(
            "g:1", {{amy, model::GroupAccess::owner}, {new_bob, model::GroupAccess::member}}) ==
        R"({"group":{".tag":"group_id","group_id":"g:1"},"members":[)"
        R"({"user":{".tag":"team_member_id","team_member_id":"dbmid:amy"},)"
        R"("access_type":{".tag":"owner"}},)"
        R"({"user":{".tag":"email","email":"bob@x.com"},"access_type":{".tag":"member"}}],)"
        R"("return_members":false})");
  CHECK(encode_group_members_remove("g:1", {amy}) ==
        R"({"group":{".tag":"group_id","group_id":"g:1"},)"
        R"("users":[{".tag":"team_member_id","team_member_id":"dbmid:amy"}],)"
        R"("return_members":false})");
  CHECK(encode_group_set_access("g:1", amy, model::GroupAccess::member) ==
        R"({"group":{".tag":"group_id","group_id":"g:1"},)"
        R"("user":{".tag":"team_member_id","team_member_id":"dbmid:amy"},)"
        R"("access_type":{".tag":"member"},"return_members":false})");
  CHECK(
      encode_secondary_emails("new_secondary_emails", {{amy, {"a1@x.com", "a2@x.com"}}}) ==
      R"({"new_secondary_emails":[{"user":{".tag":"team_member_id","team_member_id":"dbmid:amy"},)"
      R"("secondary_emails":["a1@x.com","a2@x.com"]}]})");
  CHECK(encode_quota_users({amy, new_bob}) ==
        R"({"users":[{".tag":"team_member_id","team_member_id":"dbmid:amy"},)"
        R"({".tag":"email","email":"bob@x.com"}]})");
  CHECK(encode_set_quotas({{amy, 50}}) ==
        R"({"users_and_quotas":[{"user":{".tag":"team_member_id","team_member_id":"dbmid:amy"},)"
        R"("quota_gb":50}]})");
  CHECK(encode_excluded_list() == R"({"limit":1000})");
}

TEST_CASE("secondary-email answers give one outcome per (member, email), in order",
          "[dropbox][access]") {
  std::vector<MemberEmails> batch{{amy, {"a1@x.com", "a2@x.com"}}, {new_bob, {"b1@x.com"}}};
  DecodeError error;
  auto outcomes = decode_secondary_email_results(parse(R"({"results": [
        {".tag": "success", "user": {".tag": "team_member_id", "team_member_id": "dbmid:amy"},
         "results": [{".tag": "success", "email": "a1@x.com", "is_verified": true},
                     {".tag": "unavailable", "unavailable": "a2@x.com"}]},
        {".tag": "placeholder_user", "placeholder_user": {".tag": "email", "email": "bob@x.com"}}]})"),
                                                 batch, error);
  REQUIRE(outcomes);
  REQUIRE(outcomes->size() == 3);
  CHECK((*outcomes)[0].ok());
  CHECK((*outcomes)[0].email == "a1@x.com");
  CHECK((*outcomes)[1].error_tag == "unavailable");
  CHECK((*outcomes)[1].user.team_member_id == "dbmid:amy");
  CHECK((*outcomes)[2].error_tag == "placeholder_user");
  CHECK((*outcomes)[2].email == "b1@x.com");
  // delete answers: `success` carries the email under its tag.
  auto deleted = decode_secondary_email_results(
      parse(R"({"results": [{".tag": "success", "user": {".tag": "email", "email": "bob@x.com"},
         "results": [{".tag": "not_found", "not_found": "b1@x.com"}]}]})"),
      {{new_bob, {"b1@x.com"}}}, error);
  REQUIRE(deleted);
  CHECK((*deleted)[0].error_tag == "not_found");
}

TEST_CASE("malformed secondary-email answers are located errors", "[dropbox][access]") {
  std::vector<MemberEmails> batch{{amy, {"a1@x.com"}}};
  auto failure = [&](const std::string& text) {
    DecodeError error;
    CHECK_FALSE(decode_secondary_email_results(parse(text), batch, error));
    return error.message;
  };
  CHECK(failure(R"({})") == R"(answer: missing required field "results")");
  CHECK(failure(R"({"results": []})") == "answer.results: holds 0 results for 1 requested");
  CHECK(failure(R"({"results": [{"user": 1}]})") ==
        R"(answer.results[0]: missing required field ".tag")");
  CHECK(failure(R"({"results": [{".tag": "success", "results": []}]})") ==
        "answer.results[0].results: holds 0 results for 1 requested");
  CHECK(failure(R"({"results": [{".tag": "success", "results": [{".tag": 3}]}]})") ==
        R"(answer.results[0].results[0]: ".tag" must be a string, found number)");
}

TEST_CASE("quota answers: per member, in order - malformed ones are located errors",
          "[dropbox][access]") {
  DecodeError error;
  auto quotas = decode_custom_quotas(
      parse(R"([{".tag": "success", "user": {".tag": "team_member_id", "team_member_id": "a"},
                 "quota_gb": 50},
                {".tag": "success", "user": {".tag": "team_member_id", "team_member_id": "b"}},
                {".tag": "invalid_user", "invalid_user": {".tag": "team_member_id",
                 "team_member_id": "c"}}])"),
      3, error);
  REQUIRE(quotas);
  CHECK((*quotas)[0] == 50u);
  CHECK_FALSE((*quotas)[1]);
  CHECK_FALSE((*quotas)[2]);
  auto set = decode_quota_outcomes(
      parse(R"([{".tag": "success", "user": {".tag": "email", "email": "bob@x.com"}, "quota_gb": 9},
                {".tag": "invalid_user", "invalid_user": {".tag": "email", "email": "z@x.com"}}])"),
      {new_bob, {"", "z@x.com"}}, error);
  REQUIRE(set);
  CHECK((*set)[0].ok());
  CHECK((*set)[1].error_tag == "invalid_user");
  CHECK((*set)[1].user.email == "z@x.com");

  DecodeError bad;
  CHECK_FALSE(decode_custom_quotas(parse(R"({"x": 1})"), 1, bad));
  CHECK(bad.message == "answer: must be a list, found object");
  DecodeError low;
  CHECK_FALSE(decode_custom_quotas(parse(R"([{".tag": "success", "quota_gb": 1}])"), 1, low));
  CHECK(low.message ==
        R"(answer[0]: "quota_gb" must be a whole number from 2 to 4294967295, found 1)");
  DecodeError count;
  CHECK_FALSE(decode_quota_outcomes(parse("[]"), {amy}, count));
  CHECK(count.message == "answer: holds 0 results for 1 requested");
}

TEST_CASE("access writes need their routes' scopes, groups probed on groups/job_status/get",
          "[dropbox][scopes]") {
  auto needs =
      scope_needs({Write::groups, Write::set_role, Write::secondary_emails, Write::space_limits});
  REQUIRE(needs.size() == 2);
  CHECK(needs[0].scope == "members.write");
  CHECK(needs[0].routes ==
        "team/members/set_admin_permissions_v2, team/members/secondary_emails/add, "
        "team/members/secondary_emails/delete, team/member_space_limits/remove_custom_quota");
  CHECK(needs[0].probe == "members/add/job_status/get_v2");
  CHECK(needs[1].scope == "groups.write");
  CHECK(needs[1].routes ==
        "team/groups/create, team/groups/update, team/groups/delete, team/groups/members/add, "
        "team/groups/members/remove, team/groups/members/set_access_type");
  CHECK(needs[1].probe == "groups/job_status/get");
}

TEST_CASE("a groups error names the users its list value carries", "[dropbox][access]") {
  HttpResponse r;
  r.status = 409;
  r.body = R"({"error_summary": "users_not_found/..", "error": {".tag": "users_not_found",
               "users_not_found": ["a@x.com", "b@x.com"]}})";
  auto error = classify_response("groups/members/add", r);
  CHECK(error.kind == core::ErrorKind::conflict);
  CHECK(error.api_tag == "users_not_found");
  CHECK(error.message == "team/groups/members/add failed: users_not_found (a@x.com, b@x.com)");
  r.body = R"({"error": {".tag": "duplicate_user"}})";
  CHECK(classify_response("groups/members/add", r).message ==
        "team/groups/members/add failed: duplicate_user");
}
