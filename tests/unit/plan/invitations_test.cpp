// policy.invitations (decision 0033): resend on the day an invitation turns N days old,
// cancel from M days, and never invite a cancelled invitee again unless `reinvite: true`.
#include <catch2/catch.hpp>

#include "plan_test_support.hpp"

using namespace roster;
using namespace roster::test;
using model::DesiredState;
using model::MemberStatus;

namespace {

constexpr model::Timestamp k_day = model::k_seconds_per_day;

model::DesiredTeam with_policy(std::optional<std::uint32_t> resend,
                               std::optional<std::uint32_t> cancel) {
  auto d = permissive_team();
  d.policy.invitations.resend_after_days = resend;
  d.policy.invitations.cancel_after_days = cancel;
  return d;
}

model::ObservedMember invited_ago(const std::string& email, std::optional<model::Timestamp> ago) {
  auto m = observed(email, MemberStatus::invited);
  if (ago) m.invited_on = k_now - *ago;
  return m;
}

}  // namespace

TEST_CASE("an invitation's age picks resend, cancel or nothing", "[plan][invitations]") {
  struct Row {
    const char* name;
    std::optional<std::uint32_t> resend, cancel;
    std::optional<model::Timestamp> age;  // seconds since invited_on; nullopt: unknown
    std::vector<std::string> steps;
  };
  const std::string e = "ian@acme.com";
  auto row = GENERATE_COPY(values<Row>({
      {"policy off", {}, {}, 100 * k_day, {}},
      {"6 days 23 hours: not yet", 7, 30, 7 * k_day - 3600, {}},
      {"7 days: resend", 7, 30, 7 * k_day, {"resend_welcome_email " + e}},
      {"7 days 23 hours: resend (same day of age)",
       7,
       30,
       8 * k_day - 1,
       {"resend_welcome_email " + e}},
      {"8 days: not again", 7, 30, 8 * k_day, {}},
      {"29 days: nothing", 7, 30, 29 * k_day, {}},
      {"30 days: cancel", 7, 30, 30 * k_day, {"remove " + e}},
      {"90 days: cancel", 7, 30, 90 * k_day, {"remove " + e}},
      {"cancel only", {}, 30, 31 * k_day, {"remove " + e}},
      {"resend only, old invitation", 7, {}, 300 * k_day, {}},
      {"unknown invited_on: never", 7, 30, std::nullopt, {}},
      {"invited in the future (clock skew): age 0", 7, 30, -5 * k_day, {}},
  }));
  DYNAMIC_SECTION(row.name) {
    auto d = with_policy(row.resend, row.cancel);
    d.members.push_back(desired(e));
    auto o = team_with_admin();
    o.members.push_back(invited_ago(e, row.age));
    auto p = plan_of(d, o);
    CHECK(steps_of(p) == row.steps);
    CHECK(p.warnings.empty());
  }
}

TEST_CASE("resend and cancel steps say why, and the cancel counts as a removal",
          "[plan][invitations]") {
  auto d = with_policy(7, 30);
  d.policy.max_removal_fraction = 0.1;
  d.members.push_back(desired("ian@acme.com"));
  d.members.push_back(desired("joy@acme.com"));
  auto o = team_with_admin();
  o.members.push_back(invited_ago("ian@acme.com", 7 * k_day));
  o.members.push_back(invited_ago("joy@acme.com", 31 * k_day));
  auto p = plan_of(d, o);
  REQUIRE(p.steps.size() == 2);
  CHECK(p.steps[0].action == plan::Action::resend_welcome_email);
  CHECK(p.steps[0].reason == plan::Reason::invitation_not_accepted);
  CHECK(p.steps[0].team_member_id == "dbmid:ian@acme.com");
  CHECK(p.steps[0].note == "invited 7 days ago (policy.invitations.resend_after_days: 7)");
  CHECK(p.steps[1].action == plan::Action::remove);
  CHECK(p.steps[1].reason == plan::Reason::invitation_expired);
  CHECK(p.steps[1].note == "invited 31 days ago (policy.invitations.cancel_after_days: 30)");
  CHECK_FALSE(p.steps[1].recoverable_until);
  CHECK(guard(p, "removal_fraction").status == plan::GuardResult::Status::refused);
  // A cancelled invitee is no longer pending: only ian@ is.
  REQUIRE(p.drift.size() == 1);
  CHECK(p.drift[0].email == "ian@acme.com");
}

TEST_CASE("unmanaged invitees are cancelled too, whatever policy.unmanaged says",
          "[plan][invitations]") {
  auto d = with_policy(7, 30);
  auto o = team_with_admin();
  o.members.push_back(invited_ago("stray@acme.com", 40 * k_day));
  o.members.push_back(invited_ago("young@acme.com", 7 * k_day));  // unmanaged: never resent
  auto p = plan_of(d, o);
  CHECK(steps_of(p) == std::vector<std::string>{"remove stray@acme.com"});
  CHECK(p.steps[0].reason == plan::Reason::invitation_expired);
  d.policy.protected_emails = {"stray@acme.com"};
  p = plan_of(d, o);
  CHECK(p.steps.empty());
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].message ==
        "invited 40 days ago, but the invitation is not cancelled as "
        "policy.invitations.cancel_after_days says: it is in policy.protected");
}

TEST_CASE("a cancelled invitation is not sent again, unless reinvite: true",
          "[plan][invitations]") {
  auto d = with_policy(7, 30);
  d.members.push_back(desired("ian@acme.com"));
  auto o = team_with_admin();
  auto cancelled = removed("ian@acme.com", false);
  // Never joined: no joined_on (and Dropbox lists invited_on only while invited).
  o.members.push_back(cancelled);
  auto p = plan_of(d, o);
  CHECK(p.steps.empty());
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0].message ==
        "never accepted an invitation that was cancelled; while "
        "policy.invitations.cancel_after_days is set, roster does not invite it again; set "
        "reinvite: true on the member to send a new invitation");
  d.members.back().reinvite = true;
  p = plan_of(d, o);
  CHECK(steps_of(p) == std::vector<std::string>{"invite ian@acme.com"});
  CHECK(p.warnings.empty());  // no files were lost: there was no account
  // Without a cancel policy nothing holds the invitation back.
  d.members.back().reinvite = false;
  d.policy.invitations.cancel_after_days.reset();
  CHECK(steps_of(plan_of(d, o)) == std::vector<std::string>{"invite ian@acme.com"});
}
