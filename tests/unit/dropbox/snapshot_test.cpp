#include <catch2/catch.hpp>

#include <random>

#include "roster/core/file.hpp"
#include "roster/dropbox/snapshot.hpp"
#include "support/diagnostics.hpp"
#include "support/golden.hpp"

using namespace roster;

namespace {

std::vector<std::string> errors_of(const std::string& text) {
  return test::printed(dropbox::read_snapshot_text(text, "team.json").diagnostics);
}

std::string member_json(const std::string& status, const std::string& extra = "") {
  return R"({"profile": {"team_member_id": "dbmid:1", "email": "Amy@Acme.com", "email_verified": true,
    "status": )" +
         status + R"(, "name": {"given_name": "Amy", "surname": "Smith",
    "familiar_name": "Amy", "display_name": "Amy Smith", "abbreviated_name": "AS"},
    "membership_type": {".tag": "full"}, "groups": [], "member_folder_id": "1",
    "root_folder_id": "2", "future_field": {"x": 1})" +
         extra + R"(}, "roles": []})";
}

}  // namespace

TEST_CASE("a snapshot decodes every member status Dropbox sends", "[snapshot]") {
  std::string text =
      R"({"members": [)" + member_json(R"({".tag": "active"})") + "," +
      member_json(R"({".tag": "invited"})", R"(, "invited_on": "2026-11-01T10:00:00Z")") + "," +
      member_json(R"({".tag": "suspended"})") + "," +
      member_json(R"({".tag": "removed", "is_recoverable": true, "is_disconnected": false})") +
      "," +
      member_json(R"({".tag": "removed", "is_recoverable": false, "is_disconnected": true})") +
      R"(], "cursor": "abc", "has_more": false})";
  auto loaded = dropbox::read_snapshot_text(text, "team.json");
  REQUIRE(loaded.diagnostics.empty());
  const auto& m = loaded.team.members;
  REQUIRE(m.size() == 5);
  CHECK(m[0].email == "amy@acme.com");
  CHECK(m[0].team_member_id == "dbmid:1");
  CHECK(m[0].given_name == "Amy");
  CHECK(m[0].status == model::MemberStatus::active);
  CHECK(m[1].status == model::MemberStatus::invited);
  CHECK(m[1].invited_on == model::parse_timestamp("2026-11-01T10:00:00Z"));
  CHECK(m[2].status == model::MemberStatus::suspended);
  CHECK(m[3].status == model::MemberStatus::removed);
  CHECK(m[3].is_recoverable);
  CHECK(model::is_recoverable(m[3]));
  CHECK_FALSE(model::is_recoverable(m[4]));  // converted to a Basic account
  CHECK(m[4].is_disconnected);
}

TEST_CASE("roles are read by role_id through the entries' table, external ids are kept",
          "[snapshot]") {
  std::string admin = R"({"profile": {"team_member_id": "dbmid:2", "email": "it@acme.com",
      "external_id": "E7", "status": {".tag": "active"}, "name": {"given_name": "", "surname": ""}},
      "roles": [{"role_id": "pid_dbtmr:1", "name": "Team admin", "description": "x"}]})";
  std::string support = R"({"profile": {"team_member_id": "dbmid:3", "email": "s@acme.com",
      "status": "active", "name": {"given_name": "", "surname": ""}},
      "roles": [{"role_id": "pid_dbtmr:9", "name": "Custom auditor", "description": "x"}]})";
  auto loaded =
      dropbox::read_snapshot_text(R"({"members": [)" + admin + "," + support + "]}", "team.json");
  REQUIRE(loaded.diagnostics.empty());
  CHECK(loaded.team.members[0].role == model::Role::team_admin);
  CHECK(loaded.team.members[0].external_id == "E7");
  CHECK(loaded.team.members[1].role == model::Role::other_admin);
}

TEST_CASE("malformed snapshots are located errors", "[snapshot]") {
  CHECK(errors_of("[]") ==
        std::vector<std::string>{"team.json:1:1: error: a snapshot must be a JSON object "
                                 "{\"members\": [...]}"});
  CHECK(errors_of("{\"cursor\": \"x\"}") ==
        std::vector<std::string>{"team.json:1:1: error: a snapshot must have a \"members\" list"});
  CHECK(errors_of("{\"members\": {}}") ==
        std::vector<std::string>{
            "team.json:1:13: error: \"members\" must be a list of TeamMemberInfoV2 objects"});
  CHECK(errors_of("{\"members\": [\n  {\"profile\": 1}\n]}") ==
        std::vector<std::string>{
            "team.json:2:15: error: members[0]: \"profile\" must be an object, found number"});
  CHECK(errors_of("{\"members\": [" + member_json(R"({".tag": "gone"})") + "]}") ==
        std::vector<std::string>{
            "team.json:2:15: error: members[0].profile: unknown member status \"gone\""});
  CHECK(errors_of("{\"members\": [" + member_json(R"({".tag": "removed"})") + "]}") ==
        std::vector<std::string>{"team.json:2:15: error: members[0].profile.status: missing "
                                 "required field \"is_recoverable\""});
  CHECK(errors_of("{\"members\": [{\"profile\": {\"email\": \"a@b.com\"}}]}") ==
        std::vector<std::string>{"team.json:1:26: error: members[0].profile: missing required "
                                 "field \"team_member_id\""});
  CHECK(
      errors_of("{\"members\": [1, 2") ==
      std::vector<std::string>{
          "team.json:1:14: error: members[0]: must be an object, found number",
          "team.json:1:17: error: members[1]: must be an object, found number",
          "team.json:1:18: error: malformed JSON: missing a comma or ']' after an array element"});
  auto unreadable = dropbox::read_snapshot("/nonexistent/team.json");
  CHECK(core::format_diagnostic(unreadable.diagnostics.items().at(0)) ==
        "/nonexistent/team.json: error: cannot read snapshot: No such file or directory");
}

TEST_CASE("randomly mutated snapshots never crash the reader", "[snapshot][robustness]") {
  auto original = core::read_file(test::test_path("../manifests/demo/observed.json"));
  REQUIRE(original);
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    std::string text = *original;
    for (int e = 0; e < 4; ++e) {
      std::size_t at = random() % text.size();
      if (random() % 2) {
        text[at] = "{}[]\",:0tfn\\"[random() % 12];
      } else {
        text.erase(at, random() % 30);
      }
      if (text.empty()) text = "{";
    }
    auto loaded = dropbox::read_snapshot_text(text, "team.json");
    for (const auto& d : loaded.diagnostics.items())
      REQUIRE(d.location.line >= 1);
  }
}

TEST_CASE("a snapshot may record the team's facts exactly as Dropbox answers them",
          "[snapshot][identity]") {
  std::string member = R"({"profile": {"team_member_id": "dbmid:2", "email": "it@acme.com",
      "status": {".tag": "active"}, "name": {"given_name": "", "surname": ""}},
      "roles": [{"role_id": "pid_dbtmr:ta", "name": "Administrateur", "description": "x"}]})";
  std::string facts = R"("team_info": {"name": "Acme Corp", "team_id": "dbtid:AA1",
      "num_licensed_users": 10, "num_provisioned_users": 3},
    "authenticated_admin": {"admin_profile": {"team_member_id": "dbmid:2", "email": "IT@acme.com"}},
    "available_roles": {"roles": [{"role_id": "pid_dbtmr:ta", "name": "Team admin",
      "description": "All admin permissions"}]})";
  auto loaded =
      dropbox::read_snapshot_text("{" + facts + R"(, "members": [)" + member + "]}", "team.json");
  REQUIRE(loaded.diagnostics.empty());
  CHECK(loaded.team.team_name == "Acme Corp");
  CHECK(loaded.team.team_id == "dbtid:AA1");
  CHECK(loaded.team.authenticated_admin_email == "it@acme.com");
  CHECK(loaded.team.authenticated_admin_id == "dbmid:2");
  // The license counts (decision 0037); num_used_licenses defaults to 0 in the spec.
  REQUIRE(loaded.team.licenses);
  CHECK(loaded.team.licenses->licensed == 10);
  CHECK(loaded.team.licenses->provisioned == 3);
  CHECK(loaded.team.licenses->used == 0);
  auto bare = dropbox::read_snapshot_text(
      R"({"team_info": {"name": "A", "team_id": "t"}, "members": []})", "team.json");
  REQUIRE(bare.diagnostics.empty());
  CHECK_FALSE(bare.team.licenses);  // unknown, not zero: the plan then says nothing
  // The member's entry names its role in another language; the team's table says which id
  // is team admin.
  CHECK(loaded.team.members[0].role == model::Role::team_admin);

  CHECK(errors_of(R"({"team_info": {"name": "Acme"}, "members": []})") ==
        std::vector<std::string>{
            "team.json:1:15: error: team_info: missing required field \"team_id\""});
  CHECK(errors_of(R"({"team_info": {"name": "A", "team_id": "t", "num_licensed_users": -1},
  "members": []})") == std::vector<std::string>{"team.json:1:67: error: team_info: "
                                                "\"num_licensed_users\" must be a whole number "
                                                "from 0 to 4294967295, found -1"});
  CHECK(errors_of(R"({"team_info": {"name": "A", "team_id": "t", "num_licensed_users": 1e300},
  "members": []})") == std::vector<std::string>{"team.json:1:67: error: team_info: "
                                                "\"num_licensed_users\" must be a whole number "
                                                "from 0 to 4294967295, found 1e+300"});
  CHECK(errors_of(R"({"authenticated_admin": {}, "members": []})") ==
        std::vector<std::string>{"team.json:1:25: error: authenticated_admin: missing required "
                                 "field \"admin_profile\""});
  CHECK(errors_of(R"({"available_roles": {"roles": [{"role_id": 7}]}, "members": []})") ==
        std::vector<std::string>{"team.json:1:44: error: available_roles.roles[0]: \"role_id\" "
                                 "must be a string, found number"});
}
