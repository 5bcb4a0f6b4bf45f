// Staged removal (decision 0031) and recovery windows (decision 0032), with `now` as input.
#include <catch2/catch.hpp>

#include "plan_test_support.hpp"

using namespace roster;
using namespace roster::test;
using model::DesiredState;
using model::MemberStatus;
using Status = plan::GuardResult::Status;

namespace {

constexpr model::Timestamp k_day = model::k_seconds_per_day;

model::DesiredMember leaving(const std::string& email, std::uint32_t days) {
  auto m = desired(email, DesiredState::removed);
  m.remove.after_suspended_days = days;
  return m;
}

model::ObservedMember suspended_since(const std::string& email,
                                      std::optional<model::Timestamp> since) {
  auto m = observed(email, MemberStatus::suspended);
  m.suspended_on = since;
  return m;
}

std::vector<std::string> scheduled_of(const plan::Plan& p) {
  std::vector<std::string> out;
  for (const auto& s : p.scheduled) {
    out.push_back(s.email + " " + (s.due ? model::format_date(*s.due) : "undated") + " " +
                  std::to_string(s.days_left));
  }
  return out;
}

plan::Plan plan_at(const model::DesiredTeam& d, const model::ObservedTeam& o,
                   model::Timestamp now) {
  return plan::make_plan(d, o, plan::PlanOptions{now, std::nullopt, {}, {}});
}

}  // namespace

TEST_CASE("a staged removal: each observed status and `now` gives its step or schedule",
          "[plan][staged]") {
  struct Row {
    const char* name;
    model::ObservedMember seen;
    model::Timestamp now;
    std::vector<std::string> steps;
    std::vector<std::string> scheduled;
    std::size_t warnings;
  };
  const std::string e = "x@acme.com";
  auto row = GENERATE_COPY(values<Row>({
      {"active: suspended now, removal in 30 days",
       observed(e),
       k_now,
       {"suspend " + e},
       {e + " 2026-12-18 30"},
       0},
      {"invited: removed at once",
       observed(e, MemberStatus::invited),
       k_now,
       {"remove " + e},
       {},
       0},
      {"suspended 10 days: 20 left",
       suspended_since(e, k_now - 10 * k_day),
       k_now,
       {},
       {e + " 2026-12-08 20"},
       0},
      {"suspended 30 days minus a second: 1 left",
       suspended_since(e, k_now - 30 * k_day + 1),
       k_now,
       {},
       {e + " 2026-11-18 1"},
       0},
      {"suspended exactly 30 days: removed",
       suspended_since(e, k_now - 30 * k_day),
       k_now,
       {"remove " + e},
       {},
       0},
      {"suspended 45 days: removed",
       suspended_since(e, k_now - 45 * k_day),
       k_now,
       {"remove " + e},
       {},
       0},
      {"suspended since an unknown date: never removed",
       suspended_since(e, std::nullopt),
       k_now,
       {},
       {e + " undated 0"},
       1},
  }));
  DYNAMIC_SECTION(row.name) {
    auto d = permissive_team();
    d.members.push_back(leaving(e, 30));
    auto o = team_with_admin();
    o.members.push_back(row.seen);
    auto p = plan_at(d, o, row.now);
    CHECK(steps_of(p) == row.steps);
    CHECK(scheduled_of(p) == row.scheduled);
    CHECK(p.warnings.size() == row.warnings);
    CHECK_FALSE(p.is_refused());
    CHECK_FALSE(p.has_drift());  // scheduled removals are not drift
  }
}

TEST_CASE("a staged suspension carries the member's suspend options and says when removal comes",
          "[plan][staged]") {
  auto d = permissive_team();
  auto m = leaving("ada@acme.com", 30);
  m.suspend.wipe_data = true;
  d.members.push_back(m);
  auto o = team_with_admin();
  o.members.push_back(observed("ada@acme.com"));
  auto p = plan_of(d, o);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].reason == plan::Reason::staged_removal);
  CHECK(p.steps[0].wipe_data);
  CHECK(p.steps[0].note == "removed on 2026-12-18, after 30 days suspended");
  REQUIRE(p.scheduled.size() == 1);
  CHECK(p.scheduled[0].reason == plan::Reason::declared_removed);
  CHECK(p.scheduled[0].after_suspended_days == 30);
  CHECK_FALSE(p.scheduled[0].team_member_id.empty());
}

TEST_CASE("the removal that falls due says how long the member was suspended", "[plan][staged]") {
  auto d = permissive_team();
  d.members.push_back(leaving("ada@acme.com", 30));
  auto o = team_with_admin();
  o.members.push_back(suspended_since("ada@acme.com", k_now - 31 * k_day - 5));
  auto p = plan_of(d, o);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].reason == plan::Reason::grace_period_over);
  CHECK(p.steps[0].note == "suspended for 31 days (remove.after_suspended_days: 30)");
  CHECK(p.steps[0].recoverable_until == k_now + 7 * k_day);
}

TEST_CASE("an unknown suspension date is never counted from a guess", "[plan][staged]") {
  auto d = permissive_team();
  d.members.push_back(leaving("ada@acme.com", 30));
  auto o = team_with_admin();
  o.members.push_back(suspended_since("ada@acme.com", std::nullopt));
  // However far the clock moves, nothing is removed: there is no state between runs.
  for (auto now : {k_now, k_now + 365 * k_day}) {
    auto p = plan_at(d, o, now);
    CHECK(p.steps.empty());
    REQUIRE(p.warnings.size() == 1);
    CHECK(p.warnings[0].message ==
          "suspended since a date Dropbox does not report, so roster cannot tell when its 30 "
          "days suspended end and does not remove it; to remove it now, set remove: "
          "{after_suspended_days: 0} on the member");
    REQUIRE(p.scheduled.size() == 1);
    CHECK_FALSE(p.scheduled[0].due);
  }
  d.members.back().remove.after_suspended_days = 0;  // the fix the warning names
  CHECK(steps_of(plan_of(d, o)) == std::vector<std::string>{"remove ada@acme.com"});
}

TEST_CASE("an invitee declared removed under a grace period is removed at once, with a note",
          "[plan][staged]") {
  auto d = permissive_team();
  d.members.push_back(leaving("ian@acme.com", 30));
  auto o = team_with_admin();
  o.members.push_back(observed("ian@acme.com", MemberStatus::invited));
  auto p = plan_of(d, o);
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].reason == plan::Reason::invitation_cancelled);
  CHECK(p.steps[0].note == "an invitee has no data to keep: removed at once");
  CHECK_FALSE(p.steps[0].recoverable_until);  // an invitee who never joined cannot be recovered
  CHECK(p.scheduled.empty());
}

TEST_CASE("unmanaged members under policy.unmanaged: remove are staged by defaults.remove",
          "[plan][staged]") {
  auto d = permissive_team();
  d.policy.unmanaged = model::UnmanagedPolicy::remove;
  d.default_remove.after_suspended_days = 14;
  auto o = team_with_admin();
  o.members.push_back(observed("old@acme.com"));
  o.members.push_back(suspended_since("gone@acme.com", k_now - 14 * k_day));
  o.members.push_back(suspended_since("later@acme.com", k_now - 4 * k_day));
  o.members.push_back(suspended_since("unknown@acme.com", std::nullopt));
  auto p = plan_of(d, o);
  CHECK(steps_of(p) == std::vector<std::string>{"suspend old@acme.com", "remove gone@acme.com"});
  CHECK(p.steps[1].note ==
        "suspended for 14 days (defaults.remove.after_suspended_days: 14); not in the manifest");
  CHECK(scheduled_of(p) == std::vector<std::string>{"later@acme.com 2026-11-28 10",
                                                    "old@acme.com 2026-12-02 14",
                                                    "unknown@acme.com undated 0"});
  CHECK(p.scheduled[0].reason == plan::Reason::unmanaged_remove);
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].message ==
        "suspended since a date Dropbox does not report, so roster cannot tell when its 14 days "
        "suspended end and does not remove it; to remove it now, add it to the manifest as "
        "removed with remove: {after_suspended_days: 0}");
}

TEST_CASE("a staged suspension counts in every guard like any suspension", "[plan][staged]") {
  SECTION("removal_fraction") {
    auto d = permissive_team();
    d.policy.max_removal_fraction = 0.1;
    auto o = team_with_admin();
    for (int i = 0; i < 4; ++i) {
      auto email = "m" + std::to_string(i) + "@acme.com";
      d.members.push_back(leaving(email, 30));
      o.members.push_back(observed(email));
    }
    auto p = plan_of(d, o);
    CHECK(guard(p, "removal_fraction").status == Status::refused);
    CHECK(guard(p, "removal_fraction").message ==
          "suspends or removes 4 of 5 live members (80.0%); max_removal_fraction 0.1 allows 0");
  }
  SECTION("protected") {
    auto d = permissive_team();
    d.members.push_back(leaving("ceo@acme.com", 30));
    d.policy.protected_emails = {"ceo@acme.com"};
    auto o = team_with_admin();
    o.members.push_back(observed("ceo@acme.com"));
    CHECK(guard(plan_of(d, o), "protected").status == Status::refused);
  }
  SECTION("last_admin, with the role revoked first") {
    model::DesiredTeam d;
    d.policy.max_removal_fraction = 1.0;
    d.members.push_back(leaving("admin@acme.com", 30));
    auto p = plan_of(d, team_with_admin());
    CHECK(steps_of(p) ==
          std::vector<std::string>{"revoke_role admin@acme.com", "suspend admin@acme.com"});
    CHECK(guard(p, "last_admin").status == Status::refused);
  }
  SECTION("token_admin") {
    auto d = permissive_team();
    d.members.push_back(leaving("robot@acme.com", 30));
    auto o = team_with_admin();
    o.members.push_back(observed("robot@acme.com"));
    o.authenticated_admin_email = "robot@acme.com";
    auto p = plan_of(d, o);
    CHECK(guard(p, "token_admin").message ==
          "the plan would suspend robot@acme.com, the admin whose token roster uses");
  }
  SECTION("external_id_match") {
    auto d = permissive_team();
    auto m = leaving("ada.new@acme.com", 30);
    m.external_id = "E1";
    d.members.push_back(m);
    auto o = team_with_admin();
    auto on_team = observed("ada@acme.com");
    on_team.external_id = "E1";
    o.members.push_back(on_team);
    CHECK(guard(plan_of(d, o), "external_id_match").status == Status::refused);
  }
}

TEST_CASE("removed records show until when they can be recovered, at the latest",
          "[plan][recovery]") {
  auto d = permissive_team();
  d.members.push_back(desired("dan@acme.com", DesiredState::removed));
  d.members.push_back(desired("old@acme.com", DesiredState::removed));
  d.members.push_back(desired("eve@acme.com", DesiredState::removed));
  auto o = team_with_admin();
  o.members.push_back(removed("dan@acme.com", true));   // declared removed, still recoverable
  o.members.push_back(removed("old@acme.com", false));  // past the window: nothing to show
  o.members.push_back(removed("oops@acme.com", true));  // removed in the console by mistake
  o.members.push_back(observed("eve@acme.com"));        // removed by this plan
  auto p = plan_of(d, o);
  REQUIRE(p.drift.size() == 2);
  CHECK(p.drift[0].kind == plan::DriftItem::Kind::removed_outside);
  CHECK(p.drift[0].email == "oops@acme.com");
  CHECK(p.drift[0].recoverable_until == k_now + 7 * k_day);
  CHECK(p.drift[1].kind == plan::DriftItem::Kind::removed_recoverable);
  CHECK(p.drift[1].email == "dan@acme.com");
  CHECK(p.drift[1].recoverable_until == k_now + 7 * k_day);
  CHECK(p.has_drift());  // oops@ is drift; dan@ alone would not be
  REQUIRE(p.steps.size() == 1);
  CHECK(p.steps[0].recoverable_until == k_now + 7 * k_day);
  // The console removal is drift; the declared one is what the manifest asked for.
  o.members.erase(o.members.begin() + 3);
  CHECK_FALSE(plan_of(d, o).has_drift());
}

TEST_CASE("a remove step that keeps the account or transfers files has no recovery window",
          "[plan][recovery]") {
  auto d = permissive_team();
  auto kept = desired("kim@acme.com", DesiredState::removed);
  kept.remove.keep_account = true;
  d.members.push_back(kept);
  auto o = team_with_admin();
  o.members.push_back(observed("kim@acme.com"));
  auto p = plan_of(d, o);
  REQUIRE(p.steps.size() == 1);
  CHECK_FALSE(p.steps[0].recoverable_until);
}

TEST_CASE("declaring active a member past the recovery window warns of a new, empty account",
          "[plan][recovery]") {
  auto d = permissive_team();
  d.members.push_back(desired("frank@acme.com"));
  auto o = team_with_admin();
  auto gone = removed("frank@acme.com", false);
  gone.joined_on = k_now - 400 * k_day;
  o.members.push_back(gone);
  auto p = plan_of(d, o);
  CHECK(steps_of(p) == std::vector<std::string>{"invite frank@acme.com"});
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].email == "frank@acme.com");
  CHECK(p.warnings[0].message ==
        "removed and no longer recoverable: the invitation creates a new, empty account (the "
        "old files are gone or were transferred)");
}
