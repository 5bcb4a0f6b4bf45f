// Decoding what Dropbox says about groups and members' access (REFERENCE §5, §7): each
// shape, and located errors for malformed input.
#include <catch2/catch.hpp>

#include "roster/dropbox/group_codec.hpp"
#include "roster/dropbox/member_codec.hpp"

using namespace roster;
using namespace roster::dropbox;

namespace {

core::json::Value parse(const std::string& text) {
  core::json::Value value;
  std::string error;
  REQUIRE(core::json::parse(text, value, error));
  return value;
}

std::string member_json(const std::string& extra) {
  return R"({"profile": {"team_member_id": "dbmid:1", "email": "Tami@Seagull.com",
    "status": {".tag": "active"}, "name": {"given_name": "Tami", "surname": "Gull"})" +
         extra + "}}";
}

std::string group_failure(const std::string& text) {
  DecodeError error;
  CHECK_FALSE(decode_group_summary(parse(text), "groups[0]", error));
  return error.message;
}

std::string member_failure(const std::string& text) {
  DecodeError error;
  CHECK_FALSE(decode_group_member(parse(text), "members[0]", error));
  return error.message;
}

}  // namespace

TEST_CASE("a member's groups and secondary emails come with members/list_v2", "[dropbox][access]") {
  DecodeError error;
  auto member =
      decode_member_info(parse(member_json(R"(, "groups": ["g:1", "g:2"], "secondary_emails": [
        {"email": "Grape@Strawberry.com", "is_verified": false},
        {"email": "t@seagull.com", "is_verified": true}])")),
                         "members[0]", error);
  REQUIRE(member);
  CHECK(member->group_ids == std::vector<std::string>{"g:1", "g:2"});
  REQUIRE(member->secondary_emails.size() == 2);
  CHECK(member->secondary_emails[0].email == "grape@strawberry.com");
  CHECK_FALSE(member->secondary_emails[0].is_verified);
  CHECK(member->secondary_emails[1].is_verified);
  // Both may be absent (listings saved before issue 9; members without secondary emails).
  auto plain = decode_member_info(parse(member_json("")), "members[0]", error);
  REQUIRE(plain);
  CHECK(plain->group_ids.empty());
  CHECK(plain->secondary_emails.empty());
}

TEST_CASE("malformed groups and secondary emails of a member are located errors",
          "[dropbox][access]") {
  auto failure = [](const std::string& extra) {
    DecodeError error;
    CHECK_FALSE(decode_member_info(parse(member_json(extra)), "members[0]", error));
    return error.message;
  };
  CHECK(failure(R"(, "groups": "g:1")") ==
        R"(members[0].profile: "groups" must be a list, found string)");
  CHECK(failure(R"(, "groups": ["g:1", 2])") ==
        R"(members[0].profile: "groups" must hold group ids (strings), found number)");
  CHECK(failure(R"(, "secondary_emails": [{"email": "a@x.com"}])") ==
        R"(members[0].profile.secondary_emails[0]: missing required field "is_verified")");
  CHECK(failure(R"(, "secondary_emails": [{"email": 1, "is_verified": true}])") ==
        R"(members[0].profile.secondary_emails[0]: "email" must be a string, found number)");
}

TEST_CASE("GroupSummary and GroupFullInfo decode to an ObservedGroup", "[dropbox][access]") {
  DecodeError error;
  auto summary = decode_group_summary(
      parse(R"({"group_name": "Sales", "group_id": "g:1", "group_external_id": "sales",
                "member_count": 6, "group_management_type": {".tag": "company_managed"}})"),
      "groups[0]", error);
  REQUIRE(summary);
  CHECK(summary->name == "Sales");
  CHECK(summary->group_id == "g:1");
  CHECK(summary->external_id == "sales");
  CHECK(summary->member_count == 6u);
  CHECK(summary->management == model::GroupManagement::company_managed);
  CHECK_FALSE(summary->members);  // not read
  // GroupFullInfo (groups/create): optional fields absent, extra ones ignored.
  auto full = decode_group_summary(
      parse(R"({"group_name": "Eng", "group_id": "g:2", "group_management_type":
                {".tag": "user_managed"}, "members": [], "created": 1447255518000})"),
      "answer", error);
  REQUIRE(full);
  CHECK_FALSE(full->external_id);
  CHECK_FALSE(full->member_count);
  CHECK(full->management == model::GroupManagement::user_managed);
  // An open union: a management type roster does not know is never touched.
  auto unknown = decode_group_summary(
      parse(
          R"({"group_name": "X", "group_id": "g:3", "group_management_type": {".tag": "new_kind"}})"),
      "groups[2]", error);
  REQUIRE(unknown);
  CHECK(unknown->management == model::GroupManagement::system_managed);
}

TEST_CASE("malformed group summaries are located errors", "[dropbox][access]") {
  CHECK(group_failure(R"({"group_id": "g:1", "group_management_type": "user_managed"})") ==
        R"(groups[0]: missing required field "group_name")");
  CHECK(group_failure(
            R"({"group_name": "S", "group_id": 7, "group_management_type": "user_managed"})") ==
        R"(groups[0]: "group_id" must be a string, found number)");
  CHECK(group_failure(R"({"group_name": "S", "group_id": "g:1"})") ==
        R"(groups[0]: missing required field "group_management_type")");
  CHECK(group_failure(R"({"group_name": "S", "group_id": "g:1", "group_management_type": 1})") ==
        R"(groups[0]: "group_management_type" must be a tagged union)");
  CHECK(group_failure(R"({"group_name": "S", "group_id": "g:1", "member_count": -1,
                          "group_management_type": "user_managed"})") ==
        R"(groups[0]: "member_count" must be a whole number from 0 to 4294967295, found -1)");
  CHECK(group_failure("[]") == "groups[0]: must be an object, found array");
}

TEST_CASE("GroupMemberInfo decodes the member and its access", "[dropbox][access]") {
  DecodeError error;
  auto owner =
      decode_group_member(parse(R"({"profile": {"team_member_id": "dbmid:1", "email": "Amy@X.com",
                "status": {".tag": "active"}}, "access_type": {".tag": "owner"}})"),
                          "members[0]", error);
  REQUIRE(owner);
  CHECK(owner->team_member_id == "dbmid:1");
  CHECK(owner->email == "amy@x.com");
  CHECK(owner->access == model::GroupAccess::owner);
  auto bare = decode_group_member(
      parse(
          R"({"profile": {"team_member_id": "dbmid:2", "email": "b@x.com"}, "access_type": "member"})"),
      "members[1]", error);
  REQUIRE(bare);
  CHECK(bare->access == model::GroupAccess::member);
}

TEST_CASE("malformed group members are located errors", "[dropbox][access]") {
  CHECK(member_failure(R"({"access_type": "member"})") ==
        R"(members[0]: missing required field "profile")");
  CHECK(member_failure(R"({"profile": {"email": "a@x.com"}, "access_type": "member"})") ==
        R"(members[0].profile: missing required field "team_member_id")");
  CHECK(member_failure(R"({"profile": {"team_member_id": "d", "email": "a@x.com"}})") ==
        R"(members[0]: missing required field "access_type")");
  CHECK(member_failure(R"({"profile": {"team_member_id": "d", "email": "a@x.com"},
                           "access_type": {".tag": "admin"}})") ==
        R"(members[0]: unknown group access type "admin")");
  CHECK(member_failure(R"({"profile": {"team_member_id": "d", "email": "a@x.com"},
                           "access_type": 3})") ==
        R"(members[0]: "access_type" must be a tagged union)");
}
