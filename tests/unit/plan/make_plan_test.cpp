#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "plan_test_support.hpp"

using namespace roster;
using namespace roster::test;
using model::DesiredState;
using model::MemberStatus;
using plan::Action;
using plan::Reason;

TEST_CASE("an invite carries the names, external id and welcome-email choice", "[plan]") {
  auto desired_team = permissive_team();
  auto amy = desired("amy@acme.com");
  amy.given_name = "Amy";
  amy.surname = "Smith";
  amy.external_id = "E1";
  amy.send_welcome_email = false;
  desired_team.members.push_back(amy);
  auto p = plan_of(desired_team, team_with_admin());
  REQUIRE(p.steps.size() == 1);
  const auto& s = p.steps[0];
  CHECK(s.action == Action::invite);
  CHECK(s.reason == Reason::not_on_team);
  CHECK(s.given_name == "Amy");
  CHECK(s.surname == "Smith");
  CHECK(s.external_id == "E1");
  CHECK_FALSE(s.send_welcome_email);
  CHECK(s.team_member_id.empty());
  CHECK_FALSE(s.observed_status.has_value());
}

TEST_CASE("suspend and remove carry wipe, keep-account and transfer options", "[plan]") {
  auto desired_team = permissive_team();
  auto bob = desired("bob@acme.com", DesiredState::suspended);
  bob.suspend.wipe_data = true;
  auto carol = desired("carol@acme.com", DesiredState::removed);
  carol.remove.transfer_to = "admin@acme.com";
  carol.remove.transfer_admin = "admin@acme.com";
  auto nick = desired("nick@acme.com", DesiredState::removed);
  nick.remove.keep_account = true;
  nick.remove.retain_team_shares = true;
  desired_team.members.insert(desired_team.members.end(), {bob, carol, nick});
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("bob@acme.com"));
  observed_team.members.push_back(observed("carol@acme.com"));
  observed_team.members.push_back(observed("nick@acme.com", MemberStatus::suspended));
  auto p = plan_of(desired_team, observed_team);
  REQUIRE(steps_of(p) == std::vector<std::string>{"suspend bob@acme.com", "remove carol@acme.com",
                                                  "remove nick@acme.com"});
  CHECK(p.steps[0].wipe_data);
  CHECK_FALSE(p.steps[1].wipe_data);
  CHECK(p.steps[1].transfer_to == "admin@acme.com");
  CHECK(p.steps[1].transfer_admin == "admin@acme.com");
  CHECK(p.steps[2].keep_account);
  CHECK(p.steps[2].retain_team_shares);
  CHECK(p.steps[2].transfer_to.empty());
}

TEST_CASE("cancelling an invitation sends no keep_account, wipe or transfer", "[plan]") {
  auto desired_team = permissive_team();
  auto mia = desired("mia@acme.com", DesiredState::removed);
  mia.remove = {true, false, false, "admin@acme.com", "admin@acme.com"};
  desired_team.members.push_back(mia);
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("mia@acme.com", MemberStatus::invited));
  auto p = plan_of(desired_team, observed_team);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].reason == Reason::invitation_cancelled);
  CHECK_FALSE(p.steps[0].wipe_data);
  CHECK_FALSE(p.steps[0].keep_account);
  CHECK(p.steps[0].transfer_to.empty());
}

TEST_CASE("profile drift updates only the fields the manifest declares", "[plan]") {
  auto desired_team = permissive_team();
  auto pat = desired("pat@acme.com");
  pat.surname = "Kimura";
  pat.external_id = "E5";
  desired_team.members.push_back(pat);
  auto same = desired("sam@acme.com");
  same.given_name = "Sam";
  desired_team.members.push_back(same);
  auto observed_team = team_with_admin();
  auto pat_seen = observed("pat@acme.com");
  pat_seen.given_name = "Patricia";  // not declared: left alone
  pat_seen.surname = "Kim";
  observed_team.members.push_back(pat_seen);
  auto sam_seen = observed("sam@acme.com");
  sam_seen.given_name = "Sam";
  observed_team.members.push_back(sam_seen);
  auto p = plan_of(desired_team, observed_team);
  REQUIRE(steps_of(p) == std::vector<std::string>{"update_profile pat@acme.com"});
  const auto& changes = p.steps[0].changes;
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].field == "surname");
  CHECK(changes[0].before == "Kim");
  CHECK(changes[0].after == "Kimura");
  CHECK(changes[1].field == "external_id");
  CHECK(changes[1].before.empty());
  CHECK(changes[1].after == "E5");
}

TEST_CASE("members being removed get no profile update", "[plan]") {
  auto desired_team = permissive_team();
  auto carol = desired("carol@acme.com", DesiredState::removed);
  carol.given_name = "Caroline";
  desired_team.members.push_back(carol);
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("carol@acme.com"));
  CHECK(steps_of(plan_of(desired_team, observed_team)) ==
        std::vector<std::string>{"remove carol@acme.com"});
}

TEST_CASE("an email change found by external_id is an update, never remove and invite", "[plan]") {
  auto desired_team = permissive_team();
  auto quinn = desired("quinn.baker@acme.com");
  quinn.external_id = "E17";
  desired_team.members.push_back(quinn);
  desired_team.policy.unmanaged = model::UnmanagedPolicy::remove;
  auto observed_team = team_with_admin();
  auto old = observed("quinn.adams@acme.com");
  old.external_id = "E17";
  observed_team.members.push_back(old);
  auto p = plan_of(desired_team, observed_team);
  REQUIRE(steps_of(p) == std::vector<std::string>{"update_profile quinn.baker@acme.com"});
  CHECK(p.steps[0].reason == Reason::email_changed);
  CHECK(p.steps[0].team_member_id == "dbmid:quinn.adams@acme.com");
  REQUIRE(p.steps[0].changes.size() == 1);
  CHECK(p.steps[0].changes[0].field == "email");
  CHECK(p.steps[0].changes[0].before == "quinn.adams@acme.com");
  CHECK(p.steps[0].changes[0].after == "quinn.baker@acme.com");
}

TEST_CASE("an external_id match is not taken when the old email is still declared", "[plan]") {
  auto desired_team = permissive_team();
  auto renamed = desired("new@acme.com");
  renamed.external_id = "E1";
  desired_team.members.push_back(renamed);
  desired_team.members.push_back(desired("old@acme.com"));
  auto observed_team = team_with_admin();
  auto old = observed("old@acme.com");
  old.external_id = "E1";
  observed_team.members.push_back(old);
  auto p = plan_of(desired_team, observed_team);
  CHECK(steps_of(p) == std::vector<std::string>{"invite new@acme.com"});
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].email == "new@acme.com");
  CHECK(p.warnings[0].message ==
        "external_id \"E1\" belongs to old@acme.com on the team: the invitation will fail with "
        "duplicate_external_member_id until it is freed");
}

TEST_CASE("a renamed member who was removed is recovered, then renamed", "[plan]") {
  auto desired_team = permissive_team();
  auto renamed = desired("new@acme.com");
  renamed.external_id = "E1";
  desired_team.members.push_back(renamed);
  auto observed_team = team_with_admin();
  auto old = removed("old@acme.com", true);
  old.external_id = "E1";
  observed_team.members.push_back(old);
  CHECK(steps_of(plan_of(desired_team, observed_team)) ==
        std::vector<std::string>{"recover new@acme.com", "update_profile new@acme.com"});
}

TEST_CASE("unmanaged members follow policy.unmanaged", "[plan][unmanaged]") {
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("ray@acme.com"));
  observed_team.members.push_back(observed("sue@acme.com", MemberStatus::suspended));
  observed_team.members.push_back(observed("ian@acme.com", MemberStatus::invited));
  observed_team.members.push_back(removed("old@acme.com", true));  // removed: not unmanaged
  auto desired_team = permissive_team();
  desired_team.default_suspend.wipe_data = true;
  desired_team.default_remove.keep_account = true;

  SECTION("report lists them as drift and changes nothing") {
    auto p = plan_of(desired_team, observed_team);
    CHECK(p.steps.empty());
    REQUIRE(p.drift.size() == 4);
    CHECK(p.drift[0].email == "ian@acme.com");
    CHECK(p.drift[0].kind == plan::DriftItem::Kind::unmanaged);
    CHECK(p.drift[3].email == "old@acme.com");  // removed in the console, still recoverable
    CHECK(p.drift[3].kind == plan::DriftItem::Kind::removed_outside);
    CHECK(p.has_drift());
  }
  SECTION("suspend suspends active members with defaults.suspend") {
    desired_team.policy.unmanaged = model::UnmanagedPolicy::suspend;
    auto p = plan_of(desired_team, observed_team);
    REQUIRE(steps_of(p) == std::vector<std::string>{"suspend ray@acme.com"});
    CHECK(p.steps[0].reason == Reason::unmanaged_suspend);
    CHECK(p.steps[0].wipe_data);
    REQUIRE(p.warnings.size() == 1);  // the invitation cannot be suspended
    CHECK(p.warnings[0].email == "ian@acme.com");
  }
  SECTION("remove removes every live one with defaults.remove") {
    desired_team.policy.unmanaged = model::UnmanagedPolicy::remove;
    auto p = plan_of(desired_team, observed_team);
    REQUIRE(steps_of(p) == std::vector<std::string>{"remove ian@acme.com", "remove ray@acme.com",
                                                    "remove sue@acme.com"});
    CHECK(p.steps[1].reason == Reason::unmanaged_remove);
    CHECK(p.steps[1].keep_account);
    CHECK_FALSE(p.steps[0].keep_account);  // invited: nothing to keep
  }
}

TEST_CASE("protected members and the token's admin are never touched as unmanaged",
          "[plan][unmanaged]") {
  auto desired_team = permissive_team();
  desired_team.policy.unmanaged = model::UnmanagedPolicy::remove;
  desired_team.policy.protected_emails = {"boss@acme.com"};
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("boss@acme.com"));
  observed_team.members.push_back(observed("robot@acme.com"));
  observed_team.authenticated_admin_email = "robot@acme.com";
  auto p = plan_of(desired_team, observed_team);
  CHECK(p.steps.empty());
  REQUIRE(p.warnings.size() == 2);
  CHECK(p.warnings[0].message ==
        "not in the manifest, but not removed as policy.unmanaged says: it is in policy.protected");
  CHECK(p.warnings[1].message ==
        "not in the manifest, but not removed as policy.unmanaged says: it is the admin whose "
        "token roster uses");
}

TEST_CASE("a removal waits while its transfer destination is not active", "[plan][transfer]") {
  auto desired_team = permissive_team();
  auto carol = desired("carol@acme.com", DesiredState::removed);
  carol.remove.transfer_to = "amy@acme.com";
  carol.remove.transfer_admin = "admin@acme.com";
  desired_team.members.push_back(carol);
  desired_team.members.push_back(desired("amy@acme.com"));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("carol@acme.com"));

  SECTION("destination only being invited: deferred with a warning") {
    auto p = plan_of(desired_team, observed_team);
    CHECK(steps_of(p) == std::vector<std::string>{"invite amy@acme.com"});
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].email == "carol@acme.com");
    CHECK(p.warnings[0].message.find("removal deferred: transfer destination amy@acme.com will "
                                     "not be an active member") == 0);
  }
  SECTION("destination suspended but declared active: unsuspended first, then removal") {
    observed_team.members.push_back(observed("amy@acme.com", MemberStatus::suspended));
    auto p = plan_of(desired_team, observed_team);
    CHECK(steps_of(p) ==
          std::vector<std::string>{"unsuspend amy@acme.com", "remove carol@acme.com"});
  }
  SECTION("transfer admin who is not an admin: deferred") {
    observed_team.members.push_back(observed("amy@acme.com"));
    desired_team.members[1].remove.transfer_admin = "amy@acme.com";
    auto p = plan_of(desired_team, observed_team);
    CHECK(p.steps.empty());
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].message.find("transfer admin amy@acme.com is not a team admin") !=
          std::string::npos);
  }
}

TEST_CASE("the plan is deterministic and ordered by phase, then email", "[plan]") {
  auto desired_team = permissive_team();
  desired_team.members.push_back(desired("z@acme.com"));
  desired_team.members.push_back(desired("a@acme.com"));
  desired_team.members.push_back(desired("m@acme.com", DesiredState::removed));
  desired_team.members.push_back(desired("r@acme.com"));
  desired_team.members.push_back(desired("s@acme.com", DesiredState::suspended));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(observed("m@acme.com"));
  observed_team.members.push_back(removed("r@acme.com", true));
  observed_team.members.push_back(observed("s@acme.com"));
  auto first = plan_of(desired_team, observed_team);
  CHECK(steps_of(first) == std::vector<std::string>{"recover r@acme.com", "invite a@acme.com",
                                                    "invite z@acme.com", "suspend s@acme.com",
                                                    "remove m@acme.com"});
  std::mt19937 random(1);
  for (int i = 0; i < 20; ++i) {
    std::shuffle(desired_team.members.begin(), desired_team.members.end(), random);
    std::shuffle(observed_team.members.begin(), observed_team.members.end(), random);
    CHECK(steps_of(plan_of(desired_team, observed_team)) == steps_of(first));
  }
}

TEST_CASE("of several records with one email, the live one counts", "[plan]") {
  auto desired_team = permissive_team();
  desired_team.members.push_back(desired("amy@acme.com", DesiredState::suspended));
  auto observed_team = team_with_admin();
  observed_team.members.push_back(removed("amy@acme.com", false));
  observed_team.members.push_back(observed("amy@acme.com"));
  auto p = plan_of(desired_team, observed_team);
  CHECK(steps_of(p) == std::vector<std::string>{"suspend amy@acme.com"});
  CHECK(p.summary.live_members == 2);
  CHECK(p.summary.removed_members == 1);
}
