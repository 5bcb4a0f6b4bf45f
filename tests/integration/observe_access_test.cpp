// Observing costs calls only for what the manifest manages ("calls at the floor", issue 9):
// the calls per route counted by roster-emulator's stats.
#include "access_support.hpp"
#include "live_support.hpp"

using namespace roster;
using nlohmann::json;
using test::AccessClient;
using test::EmulatorRunner;

namespace {

const std::vector<std::string> k_access_reads = {
    "team/groups/list",
    "team/groups/list/continue",
    "team/groups/members/list",
    "team/groups/members/list/continue",
    "team/member_space_limits/get_custom_quota",
    "team/member_space_limits/excluded_users/list",
};

const model::ObservedGroup* group_named(const model::ObservedTeam& team, const std::string& name) {
  auto found = std::find_if(team.groups.begin(), team.groups.end(),
                            [&](const model::ObservedGroup& g) { return g.name == name; });
  return found == team.groups.end() ? nullptr : &*found;
}

// A team of `n` active members (m0..), all in group Big; one removed member.
json big_seed(int n, int groups) {
  json seed = {{"admin_email", "admin@acme.com"}, {"member_space_limit_gb", 100}};
  json members = json::array({{{"email", "admin@acme.com"}, {"role", "team_admin"}}});
  json big = json::array();
  for (int i = 0; i < n; ++i) {
    const std::string email = "m" + std::to_string(i) + "@acme.com";
    members.push_back({{"email", email}});
    big.push_back({{"email", email}});
  }
  members.push_back({{"email", "gone@acme.com"}, {"status", "removed"}});
  json all_groups = json::array({{{"group_name", "Big"}, {"members", big}}});
  for (int g = 1; g < groups; ++g)
    all_groups.push_back({{"group_name", "G" + std::to_string(g)}});
  seed["members"] = members;
  seed["groups"] = all_groups;
  return seed;
}

}  // namespace

TEST_CASE("without access options, observing reads members only, with their groups and emails",
          "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  auto team = dropbox::observe_team(*client.api);
  REQUIRE(team);
  for (const auto& route : k_access_reads)
    CHECK(emulator.calls(route) == 0);
  CHECK_FALSE(team->groups_read);
  CHECK_FALSE(team->quotas_read);
  auto amy = std::find_if(team->members.begin(), team->members.end(),
                          [](const model::ObservedMember& m) { return m.email == "amy@acme.com"; });
  REQUIRE(amy != team->members.end());
  CHECK(amy->group_ids.size() == 1);
  REQUIRE(amy->secondary_emails.size() == 1);
  CHECK(amy->secondary_emails[0].email == "amy@old.acme.com");
  CHECK(amy->secondary_emails[0].is_verified);
  CHECK_FALSE(amy->custom_quota_gb);  // not read
}

TEST_CASE("a groups section reads groups/list once and the members of managed groups only",
          "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  dropbox::ObserveOptions options;
  options.groups = true;
  options.members_of = {{"sales", std::nullopt, ""},
                        {"Absent", std::nullopt, ""}};  // names ignore case
  auto team = dropbox::observe_team(*client.api, options);
  REQUIRE(team);
  CHECK(emulator.calls("team/groups/list") == 1);
  CHECK(emulator.calls("team/groups/members/list") == 1);  // Sales only: Absent does not exist
  CHECK(emulator.calls("team/member_space_limits/get_custom_quota") == 0);
  CHECK(team->groups_read);
  REQUIRE(team->groups.size() == 3);
  const auto* sales = group_named(*team, "Sales");
  REQUIRE(sales);
  CHECK(sales->external_id == "sales");
  REQUIRE(sales->members);
  REQUIRE(sales->members->size() == 1);
  CHECK((*sales->members)[0].email == "amy@acme.com");
  CHECK((*sales->members)[0].access == model::GroupAccess::owner);
  CHECK_FALSE(group_named(*team, "Eng")->members);  // not managed: not read
  CHECK(group_named(*team, "Everyone")->management == model::GroupManagement::system_managed);
}

TEST_CASE("a managed group is found by its external id or its id, whatever its name",
          "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  dropbox::ObserveOptions options;
  options.groups = true;
  options.members_of = {{"Sales Team (renamed)", "sales", ""}};
  auto team = dropbox::observe_team(*client.api, options);
  REQUIRE(team);
  CHECK(emulator.calls("team/groups/members/list") == 1);
  CHECK(group_named(*team, "Sales")->members);
  // A saved plan's step names its group by id.
  options.members_of = {{"Engineering", std::nullopt, group_named(*team, "Eng")->group_id}};
  auto again = dropbox::observe_team(*client.api, options);
  REQUIRE(again);
  CHECK(emulator.calls("team/groups/members/list") == 2);
  CHECK(group_named(*again, "Eng")->members);
}

TEST_CASE("quotas cost ceil(live members / 1000) calls plus the excluded list", "[live][observe]") {
  EmulatorRunner emulator(big_seed(2345, 1).dump());
  AccessClient client(emulator);
  dropbox::ObserveOptions options;
  options.quotas = true;
  auto team = dropbox::observe_team(*client.api, options);
  REQUIRE(team);
  CHECK(team->members.size() == 2347);  // 2,346 live + one removed
  CHECK(emulator.calls("team/member_space_limits/get_custom_quota") == 3);
  CHECK(emulator.calls("team/member_space_limits/excluded_users/list") == 1);
  CHECK(emulator.calls("team/groups/list") == 0);
  CHECK(team->quotas_read);
  CHECK(team->quota_excluded_ids.empty());
}

TEST_CASE("quotas and the excluded list are read per member", "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  dropbox::ObserveOptions options;
  options.quotas = true;
  auto team = dropbox::observe_team(*client.api, options);
  REQUIRE(team);
  std::string bob_id;
  for (const auto& m : team->members) {
    if (m.email == "amy@acme.com") CHECK(m.custom_quota_gb == 50u);
    if (m.email == "admin@acme.com") CHECK_FALSE(m.custom_quota_gb);
    if (m.email == "bob@acme.com") bob_id = m.team_member_id;
  }
  CHECK(team->quota_excluded_ids == std::vector<std::string>{bob_id});
}

TEST_CASE("large listings are read page by page: 1,000 groups and 1,000 group members a call",
          "[live][observe]") {
  EmulatorRunner emulator(big_seed(1500, 1200).dump());
  AccessClient client(emulator);
  dropbox::ObserveOptions options;
  options.groups = true;
  options.members_of = {{"Big", std::nullopt, ""}};
  auto team = dropbox::observe_team(*client.api, options);
  REQUIRE(team);
  CHECK(team->groups.size() == 1200);
  CHECK(emulator.calls("team/groups/list") == 1);
  CHECK(emulator.calls("team/groups/list/continue") == 1);
  CHECK(emulator.calls("team/groups/members/list") == 1);
  CHECK(emulator.calls("team/groups/members/list/continue") == 1);
  CHECK(group_named(*team, "Big")->members->size() == 1500);
}

TEST_CASE("export reads every group's members but a system-managed group's, and quotas",
          "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  AccessClient client(emulator);
  auto team = dropbox::observe_team(*client.api, dropbox::ObserveOptions::everything());
  REQUIRE(team);
  CHECK(emulator.calls("team/groups/list") == 1);
  CHECK(emulator.calls("team/groups/members/list") == 2);  // Sales, Eng; never Everyone
  CHECK(emulator.calls("team/member_space_limits/get_custom_quota") == 1);
  CHECK(group_named(*team, "Eng")->members);
  CHECK_FALSE(group_named(*team, "Everyone")->members);
  CHECK(team->quotas_read);
}

TEST_CASE("a failed group read gives no team at all", "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  emulator.fault(R"({"route": "team/groups/members/list", "kind": "500", "count": 10})");
  AccessClient client(emulator, 2);
  dropbox::ObserveOptions options;
  options.groups = true;
  options.members_of = {{"Sales", std::nullopt, ""}};
  auto team = dropbox::observe_team(*client.api, options);
  REQUIRE_FALSE(team);
  CHECK(team.error().message ==
        "reading the members of group \"Sales\" failed, so no plan was made: Dropbox server "
        "error 500 on team/groups/members/list");
}

TEST_CASE("roster plan without access keys reads no groups or quotas - export reads them",
          "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  test::TempDir dir;
  auto path = dir.write("team.yaml", R"(version: 1
members:
  - email: admin@acme.com
  - email: amy@acme.com
  - email: bob@acme.com
  - email: ian@acme.com
    state: active
  - email: sue@acme.com
    state: suspended
)");
  auto plan = test::roster_cli(emulator, {"plan", "-f", path});
  INFO(plan.err);
  CHECK(plan.code == cli::ExitCode::success);
  for (const auto& route : k_access_reads)
    CHECK(emulator.calls(route) == 0);
  auto exported = test::roster_cli(emulator, {"export"});
  INFO(exported.err);
  CHECK(exported.code == cli::ExitCode::success);
  CHECK(emulator.calls("team/groups/list") == 1);
  CHECK(emulator.calls("team/groups/members/list") == 2);
  CHECK(emulator.calls("team/member_space_limits/get_custom_quota") == 1);
  CHECK(emulator.calls("team/member_space_limits/excluded_users/list") == 1);
}

TEST_CASE(
    "roster plan reads groups/list once, the managed existing groups' members, and quotas "
    "only for a managed space limit",
    "[live][observe]") {
  EmulatorRunner emulator(test::access_seed().dump());
  test::TempDir dir;
  const std::string members = R"(members:
  - email: admin@acme.com
  - email: amy@acme.com
  - email: bob@acme.com
  - email: ian@acme.com
  - email: sue@acme.com
    state: suspended
)";
  auto groups = dir.write("groups.yaml", "version: 1\n" + members + R"(groups:
  - name: sales
    external_id: sales
    members: [{email: amy@acme.com, access: owner}]
  - name: Ops
)");
  auto plan = test::roster_cli(emulator, {"plan", "-f", groups});
  INFO(plan.out << plan.err);
  CHECK(plan.code == cli::ExitCode::success);
  CHECK(emulator.calls("team/groups/list") == 1);
  CHECK(emulator.calls("team/groups/members/list") == 1);  // Sales; Ops does not exist yet
  CHECK(emulator.calls("team/member_space_limits/get_custom_quota") == 0);
  CHECK(emulator.calls("team/member_space_limits/excluded_users/list") == 0);

  auto quotas = dir.write("quotas.yaml", "version: 1\n" + members + "    space_limit: 20\n");
  auto limited = test::roster_cli(emulator, {"plan", "-f", quotas});
  INFO(limited.out << limited.err);
  CHECK(limited.code == cli::ExitCode::success);
  CHECK(emulator.calls("team/groups/list") == 1);  // no groups section: not read again
  CHECK(emulator.calls("team/member_space_limits/get_custom_quota") == 1);
  CHECK(emulator.calls("team/member_space_limits/excluded_users/list") == 1);
}
