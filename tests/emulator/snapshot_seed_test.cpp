// --seed with a snapshot: a team read through the API and loaded into a second emulator
// lists identically (docs/emulator.md, "Seeding from a snapshot"; decision 0114).
#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <set>

#include "support/snapshot_taker.hpp"
#include "support/test_team.hpp"

using namespace roster::emulator::test;
using nlohmann::json;

namespace {

// 42 more members: every status, roles, secondary emails, quotas, exclusions, external and
// persistent ids, a limited membership; with acme's 8 the team has 50 records.
std::string people() {
  std::string out;
  const char* statuses[] = {"active", "active", "invited", "suspended", "removed", "active"};
  const char* roles[] = {"support_admin", "billing_admin", "team_admin", "reporting_admin"};
  for (int i = 0; i < 42; ++i) {
    const std::string status = statuses[i % 6];
    std::string extra;
    if (status == "removed")
      extra += fmt::format(R"(, "removed_on": "{}")", i % 12 == 4 ? "{{RECENT}}" : "{{OLD}}");
    if (status == "active" && i % 5 == 0)
      extra += fmt::format(R"(, "role": "{}")", roles[i / 5 % 4]);
    if (status == "active" && i % 4 == 1)
      extra += fmt::format(R"(, "secondary_emails": [{{"email": "p{}@home.org"}}])", i);
    if (status == "active" && i % 7 == 0)
      extra += fmt::format(R"(, "custom_quota_gb": {})", 10 + i);
    if (status != "removed" && i % 7 == 3) extra += R"(, "space_limit_excluded": true)";
    if (i % 3 == 0) extra += fmt::format(R"(, "external_id": "X{}")", i);
    if (i == 7) extra += R"(, "persistent_id": "saml-7", "membership_type": "limited")";
    out += fmt::format(R"({}{{"email": "p{}@acme.com", "given_name": "P{}", "surname": "Person",
      "status": "{}"{}}})",
                       i == 0 ? "" : ",\n", i, i, status, extra);
  }
  return out;
}

std::string big_team_seed() {
  const std::string groups = R"("groups": [
    {"group_name": "Sales", "group_external_id": "sales",
     "members": [{"email": "amy@acme.com"}, {"email": "p0@acme.com", "access_type": "owner"},
                 {"email": "p1@acme.com"}, {"email": "p2@acme.com"}, {"email": "p3@acme.com"}]},
    {"group_name": "Everyone", "group_management_type": "system_managed",
     "members": [{"email": "admin@acme.com"}, {"email": "amy@acme.com"}]},
    {"group_name": "Projects", "group_management_type": "user_managed",
     "members": [{"email": "p6@acme.com", "access_type": "owner"}, {"email": "p7@acme.com"},
                 {"email": "p8@acme.com"}, {"email": "p9@acme.com"}, {"email": "p11@acme.com"},
                 {"email": "p12@acme.com", "access_type": "owner"}, {"email": "p13@acme.com"}]},
    {"group_name": "Empty", "group_external_id": "nobody"}])";
  return with_members(acme_seed(60, groups), people());
}

std::set<std::string> member_ids(const json& snapshot) {
  std::set<std::string> ids;
  for (const auto& member : snapshot.at("members")) {
    ids.insert(member.at("profile").at("team_member_id").get<std::string>());
    ids.insert(member.at("profile").at("account_id").get<std::string>());
  }
  return ids;
}

// A snapshot without `taken_at`: B starts after A, and when a second boundary falls between
// them their snapshots' times differ (seen under load in the sanitizer build).
nlohmann::json listing_of(nlohmann::json snapshot) {
  snapshot.erase("taken_at");
  return snapshot;
}

}  // namespace

TEST_CASE("a snapshot of emulator A loaded into emulator B lists identically, ids included",
          "[emulator][snapshot]") {
  const auto mode = GENERATE(Mode::routes, Mode::http);
  TestTeam a(mode, big_team_seed());
  // Some of A's state comes from routes, not the seed: a group made through the API.
  const auto made = a.call("team/groups/create", {{"group_name", "Made by API"},
                                                  {"add_creator_as_owner", true},
                                                  {"group_management_type", "user_managed"}});
  REQUIRE(made.status == 200);
  const auto from_a = take_snapshot(a);
  REQUIRE(from_a.document.at("members").size() == 50);
  REQUIRE(from_a.pages.at(R"(team/members/list_v2 {"include_removed":true,"limit":20})").size() ==
          3);

  TestTeam b(mode, from_a.document.dump());
  const auto from_b = take_snapshot(b);
  CHECK(from_b.pages == from_a.pages);
  CHECK(listing_of(from_b.document) == listing_of(from_a.document));
  CHECK(from_b.document.at("taken_at") >= from_a.document.at("taken_at"));

  if (mode == Mode::http) {
    b.restart();  // the team's roles and ids survive the state file
    CHECK(listing_of(take_snapshot(b).document) == listing_of(from_a.document));
  }

  SECTION("what the listing shows") {
    const auto& info = from_a.document.at("team_info");
    CHECK(info.at("name") == "Acme");
    CHECK(info.at("num_licensed_users") == 60);
    CHECK(from_a.document.at("authenticated_admin").at("admin_profile").at("email") ==
          "admin@acme.com");
    std::set<std::string> statuses;
    for (const auto& member : from_a.document.at("members"))
      statuses.insert(member.at("profile").at("status").at(".tag").get<std::string>());
    CHECK(statuses == std::set<std::string>{"active", "invited", "suspended", "removed"});
    CHECK(from_a.document.at("groups").size() == 5);
    CHECK(from_a.document.at("quota_excluded").size() == 5);
  }

  SECTION("B's new ids continue above the snapshot's") {
    const auto added = b.call("team/members/add_v2",
                              {{"new_members", json::array({{{"member_email", "new@acme.com"}}})}});
    REQUIRE(added.status == 200);
    const auto answer = added.json();
    const auto& profile = answer.at("complete")[0].at("profile");
    const auto ids = member_ids(from_a.document);
    CHECK(ids.count(profile.at("team_member_id").get<std::string>()) == 0);
    CHECK(ids.count(profile.at("account_id").get<std::string>()) == 0);
    const auto group = b.call("team/groups/create", {{"group_name", "Later"}});
    REQUIRE(group.status == 200);
    for (const auto& listed : from_a.document.at("groups"))
      CHECK(listed.at("group_id") != group.json().at("group_id"));
  }
}
