// take_snapshot over scripted answers: what it asks, and that every answer is kept as sent.
#include <catch2/catch.hpp>

#include <map>

#include "roster/dropbox/snapshot.hpp"
#include "roster/dropbox/take_snapshot.hpp"
#include "support/diagnostics.hpp"

using namespace roster;
namespace json = core::json;

namespace {

// Answers by route (and, for continuations, by the body's cursor), recording each read.
class ScriptedReads final : public dropbox::WireReads {
 public:
  std::map<std::string, std::string> answers;  // "route" or "route body"
  std::vector<std::string> asked;

  core::Result<json::Value> read(const std::string& route, const std::string& body) override {
    asked.push_back(route);
    auto it = answers.find(route + " " + body);
    if (it == answers.end()) it = answers.find(route);
    if (it == answers.end()) {
      return core::make_error(core::ErrorKind::unavailable, "no answer for " + route);
    }
    json::Value value;
    std::string error;
    REQUIRE(json::parse(it->second, value, error));
    return value;
  }
};

std::string member(const std::string& id, const std::string& email, const std::string& status) {
  return R"({"profile": {"team_member_id": ")" + id + R"(", "email": ")" + email +
         R"(", "email_verified": true, "status": )" + status +
         R"(, "name": {"given_name": "A", "surname": "B", "familiar_name": "A",
         "display_name": "A B", "abbreviated_name": "AB"}, "membership_type": {".tag": "full"},
         "groups": ["g:1"], "member_folder_id": "1", "future_field": {"x": [1, 2.5]}},
         "roles": [{"role_id": "pid_dbtmr:1", "name": "Team", "description": "d"}]})";
}

ScriptedReads team() {
  ScriptedReads reads;
  reads.answers = {
      {"get_info", R"({"name": "Acme", "team_id": "dbtid:1", "num_licensed_users": 5,
        "num_provisioned_users": 2, "num_used_licenses": 2, "policies": {"x": 1}})"},
      {"token/get_authenticated_admin",
       R"({"admin_profile": {"team_member_id": "dbmid:1", "email": "ann@acme.com",
        "email_verified": true, "status": {".tag": "active"}, "name": {"given_name": "A",
        "surname": "B", "familiar_name": "A", "display_name": "A B", "abbreviated_name": "AB"},
        "membership_type": {".tag": "full"}, "groups": []}})"},
      {"members/get_available_team_member_roles",
       R"({"roles": [{"role_id": "pid_dbtmr:1", "name": "Team", "description": "d"}]})"},
      {"members/list_v2", R"({"members": [)" +
                              member("dbmid:1", "ann@acme.com", R"({".tag": "active"})") +
                              R"(], "cursor": "c1", "has_more": true})"},
      {"members/list/continue_v2", R"({"members": [)" +
                                       member("dbmid:2", "bob@acme.com",
                                              R"({".tag": "removed", "is_recoverable": true,
                                                  "is_disconnected": false})") +
                                       R"(], "cursor": "c2", "has_more": false})"},
      {"groups/list", R"({"groups": [
        {"group_name": "Sales", "group_id": "g:1", "group_management_type": {".tag": "company_managed"}},
        {"group_name": "Everyone", "group_id": "g:2", "group_management_type": {".tag": "system_managed"}}],
        "cursor": "x", "has_more": false})"},
      {"groups/members/list", R"({"members": [{"profile": {"team_member_id": "dbmid:1",
        "email": "ann@acme.com", "email_verified": true, "status": {".tag": "active"},
        "name": {"given_name": "A", "surname": "B", "familiar_name": "A", "display_name": "A B",
        "abbreviated_name": "AB"}, "membership_type": {".tag": "full"}},
        "access_type": {".tag": "owner"}}], "cursor": "y", "has_more": false})"},
      {"member_space_limits/get_custom_quota",
       R"([{".tag": "success", "user": {".tag": "team_member_id", "team_member_id": "dbmid:1"},
         "quota_gb": 30}])"},
      {"member_space_limits/excluded_users/list",
       R"({"users": [], "cursor": "z", "has_more": false})"},
  };
  return reads;
}

}  // namespace

TEST_CASE("take_snapshot keeps every answer as Dropbox sent it, unknown fields included",
          "[snapshot]") {
  auto reads = team();
  auto taken = dropbox::take_snapshot(reads, "2026-11-26T12:00:00Z");
  REQUIRE(taken);
  CHECK(taken->members == 2);
  const std::string& text = taken->text;
  CHECK(text.rfind("{\"snapshot_format\": 1,\n\"taken_at\": \"2026-11-26T12:00:00Z\",\n", 0) == 0);
  CHECK(text.find(R"("policies":{"x":1})") != std::string::npos);
  CHECK(text.find(R"("future_field":{"x":[1,2.5]})") != std::string::npos);
  // One member per line, pages concatenated in order.
  CHECK(text.find("\"members\": [\n  {\"profile\":{\"team_member_id\":\"dbmid:1\"") !=
        std::string::npos);
  CHECK(text.find("},\n  {\"profile\":{\"team_member_id\":\"dbmid:2\"") != std::string::npos);
  // A system_managed group is listed, its members are not read (as export reads).
  CHECK(text.find("\"Everyone\"") != std::string::npos);
  CHECK(text.find("\"g:2\":[") == std::string::npos);
  CHECK(text.find("\"group_members\": {\"g:1\":[{\"profile\"") != std::string::npos);
  CHECK(std::count(reads.asked.begin(), reads.asked.end(), "groups/members/list") == 1);
  // The quota of the one live member (bob is removed) and the excluded list.
  CHECK(text.find("\"custom_quotas\": [\n  {\".tag\":\"success\"") != std::string::npos);
  CHECK(text.find("\"quota_excluded\": []\n}\n") != std::string::npos);

  // What roster snapshot writes, plan --observed reads back.
  auto loaded = dropbox::read_snapshot_text(text, "team.json");
  INFO(test::printed(loaded.diagnostics).size());
  REQUIRE(loaded.diagnostics.empty());
  CHECK(loaded.team.members.size() == 2);
  CHECK(loaded.team.team_name == "Acme");
  CHECK(loaded.team.authenticated_admin_email == "ann@acme.com");
  CHECK(loaded.team.members[0].custom_quota_gb == 30u);
  CHECK(loaded.team.groups.size() == 2);
  CHECK(loaded.team.quotas_read);
  CHECK(loaded.has_snapshot_format);
  CHECK_FALSE(dropbox::read_snapshot_text(R"({"members": []})", "hand.json").has_snapshot_format);
}

TEST_CASE("take_snapshot fails as a whole when any read fails or a cursor does not move",
          "[snapshot]") {
  auto reads = team();
  SECTION("a read fails") {
    reads.answers.erase("groups/list");
    auto taken = dropbox::take_snapshot(reads, "2026-11-26T12:00:00Z");
    REQUIRE_FALSE(taken);
    CHECK(taken.error().message ==
          "reading the team's groups failed, so no snapshot was taken: no answer for groups/list");
  }
  SECTION("a cursor that does not move") {
    reads.answers["members/list/continue_v2"] =
        R"({"members": [], "cursor": "c1", "has_more": true})";
    auto taken = dropbox::take_snapshot(reads, "2026-11-26T12:00:00Z");
    REQUIRE_FALSE(taken);
    CHECK(taken.error().message ==
          "reading the team's members failed, so no snapshot was taken: unexpected answer from "
          "team/members/list/continue_v2: the cursor did not move");
  }
  SECTION("an answer that is not the route's shape") {
    reads.answers["get_info"] = R"({"team_id": 7})";
    auto taken = dropbox::take_snapshot(reads, "2026-11-26T12:00:00Z");
    REQUIRE_FALSE(taken);
    CHECK(taken.error().message.rfind("unexpected answer from team/get_info: ", 0) == 0);
  }
}

TEST_CASE("a snapshot in another snapshot_format is refused at its place", "[snapshot]") {
  auto errors_of = [](const std::string& text) {
    return test::printed(dropbox::read_snapshot_text(text, "team.json").diagnostics);
  };
  CHECK(errors_of("{\"snapshot_format\": 2,\n \"members\": []}") ==
        std::vector<std::string>{
            "team.json:1:21: error: unsupported snapshot_format 2; this roster reads 1"});
  CHECK(errors_of("{\"members\": [],\n  \"snapshot_format\": \"1\"}") ==
        std::vector<std::string>{
            "team.json:2:22: error: unsupported snapshot_format \"1\"; this roster reads 1"});
  CHECK(errors_of("{\"snapshot_format\": 1, \"taken_at\": \"2026-11-26T12:00:00Z\", "
                  "\"members\": []}")
            .empty());
}
