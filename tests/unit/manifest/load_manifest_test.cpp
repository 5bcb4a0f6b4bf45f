#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "manifest_test_support.hpp"
#include "support/golden.hpp"

using namespace roster;
using roster::test::load_text;
using roster::test::messages;

TEST_CASE("a full manifest loads with defaults applied to every member", "[manifest]") {
  auto loaded = load_text(R"(version: 1
team: {name: Acme Corp}
defaults:
  send_welcome_email: false
  suspend: {wipe_data: true}
  remove: {wipe_data: false, transfer_to: Archive@Acme.com, transfer_admin: it@acme.com}
policy:
  unmanaged: suspend
  max_removal_fraction: 0.25
  protected: [IT@acme.com, it@acme.com]
members:
  - email: Amy.Smith@ACME.com
    given_name: Amy
    surname: Smith
    external_id: 1001
  - email: archive@acme.com
  - email: it@acme.com
  - email: bob@acme.com
    state: suspended
    suspend: {wipe_data: false}
    send_welcome_email: true
  - email: carol@acme.com
    state: removed
    remove: {transfer_to: amy.smith@acme.com}
)");
  REQUIRE(messages(loaded).empty());
  const auto& team = loaded.team;
  CHECK(team.team_name == "Acme Corp");
  CHECK(team.policy.unmanaged == model::UnmanagedPolicy::suspend);
  CHECK(team.policy.max_removal_fraction == 0.25);
  CHECK(team.policy.protected_emails == std::vector<std::string>{"it@acme.com"});
  REQUIRE(team.members.size() == 5);
  const auto& amy = team.members[0];
  CHECK(amy.email == "amy.smith@acme.com");
  CHECK(amy.given_name == "Amy");
  CHECK(amy.external_id == "1001");  // a plain number is kept as written
  CHECK_FALSE(amy.send_welcome_email);
  CHECK(amy.suspend.wipe_data);
  CHECK(amy.remove.transfer_to == "archive@acme.com");
  CHECK(amy.location.line == 12);
  CHECK(amy.location.column == 5);
  const auto& bob = team.members[3];
  CHECK(bob.state == model::DesiredState::suspended);
  CHECK_FALSE(bob.suspend.wipe_data);
  CHECK(bob.send_welcome_email);
  CHECK_FALSE(bob.given_name.has_value());
  const auto& carol = team.members[4];
  CHECK(carol.remove.transfer_to == "amy.smith@acme.com");
  CHECK(carol.remove.transfer_admin == "it@acme.com");  // from defaults
}

TEST_CASE("roster's defaults never wipe and only report unmanaged members", "[manifest]") {
  auto loaded = load_text("version: 1\nmembers:\n  - email: a@acme.com\n");
  REQUIRE(messages(loaded).empty());
  const auto& team = loaded.team;
  CHECK(team.policy.unmanaged == model::UnmanagedPolicy::report);
  CHECK(team.policy.max_removal_fraction == 0.10);
  CHECK_FALSE(team.members[0].suspend.wipe_data);
  CHECK_FALSE(team.members[0].remove.wipe_data);
  CHECK_FALSE(team.members[0].remove.keep_account);
  CHECK(team.members[0].send_welcome_email);
  CHECK(team.members[0].state == model::DesiredState::active);
}

TEST_CASE("optional keys left empty are not managed, members: may be empty", "[manifest]") {
  auto loaded = load_text("version: 1\nmembers:\n  - email: a@acme.com\n    given_name:\n");
  REQUIRE(messages(loaded).empty());
  CHECK_FALSE(loaded.team.members[0].given_name.has_value());
  CHECK(messages(load_text("version: 1\nmembers:\n")).empty());
  CHECK(messages(load_text("version: 1\nmembers: []\n")).empty());
}

TEST_CASE("anchors and aliases can share settings between members", "[manifest]") {
  auto loaded = load_text(R"(version: 1
members:
  - email: a@acme.com
    remove: &keep {keep_account: true}
    state: removed
  - email: b@acme.com
    state: removed
    remove: *keep
)");
  REQUIRE(messages(loaded).empty());
  CHECK(loaded.team.members[1].remove.keep_account);
}

TEST_CASE("a directory's *.yaml files merge in name order", "[manifest]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("roster-dir-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "b-sales.yaml") << "version: 1\nmembers:\n  - email: s@acme.com\n";
  std::ofstream(dir / "a-top.yaml")
      << "version: 1\npolicy: {unmanaged: remove}\nmembers:\n  - email: t@acme.com\n";
  std::ofstream(dir / "notes.txt") << "not yaml: [";
  std::ofstream(dir / "c.yml") << "not read: [";
  auto loaded = manifest::load_manifest(dir.string());
  fs::remove_all(dir);
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.files.size() == 2);
  REQUIRE(loaded.team.members.size() == 2);
  CHECK(loaded.team.members[0].email == "t@acme.com");
  CHECK(loaded.team.members[1].email == "s@acme.com");
  CHECK(loaded.team.policy.unmanaged == model::UnmanagedPolicy::remove);
}

TEST_CASE("the example manifest is valid", "[manifest]") {
  auto loaded = manifest::load_manifest(test::test_path("../manifests/example.yaml"));
  CHECK(loaded.diagnostics.empty());
  CHECK(loaded.team.members.size() == 22);
}
