// The keys that make time part of the plan: remove.after_suspended_days (decision 0031),
// policy.invitations and reinvite (decision 0033). Each bad value has its exact message.
#include <catch2/catch.hpp>

#include "manifest_test_support.hpp"

using namespace roster;
using roster::test::load_text;
using roster::test::messages;

namespace {

const std::string k_head = "version: 1\n";

}  // namespace

TEST_CASE("after_suspended_days: defaults, per-member overrides and the default of 0",
          "[manifest][lifecycle]") {
  auto loaded =
      load_text(k_head +
                "defaults:\n  remove: {after_suspended_days: 30}\n"
                "members:\n"
                "  - {email: a@acme.com, state: removed}\n"
                "  - {email: b@acme.com, state: removed, remove: {after_suspended_days: 0}}\n"
                "  - {email: c@acme.com, state: removed, remove: {after_suspended_days: 3650}}\n");
  REQUIRE(messages(loaded).empty());
  const auto& team = loaded.team;
  CHECK(team.default_remove.after_suspended_days == 30);
  CHECK(team.members[0].remove.after_suspended_days == 30);
  CHECK(team.members[1].remove.after_suspended_days == 0);
  CHECK(team.members[2].remove.after_suspended_days == 3650);
  auto plain = load_text(k_head + "members:\n  - {email: a@acme.com, state: removed}\n");
  CHECK(plain.team.members[0].remove.after_suspended_days == 0);  // remove at once, as before
}

TEST_CASE("policy.invitations and reinvite are read", "[manifest][lifecycle]") {
  auto loaded = load_text(k_head +
                          "policy:\n  invitations: {resend_after_days: 7, cancel_after_days: 30}\n"
                          "members:\n  - {email: a@acme.com, reinvite: true}\n"
                          "  - {email: b@acme.com}\n");
  REQUIRE(messages(loaded).empty());
  CHECK(loaded.team.policy.invitations.resend_after_days == 7u);
  CHECK(loaded.team.policy.invitations.cancel_after_days == 30u);
  CHECK(loaded.team.members[0].reinvite);
  CHECK_FALSE(loaded.team.members[1].reinvite);
  auto off = load_text(k_head + "members: []\n");
  CHECK_FALSE(off.team.policy.invitations.resend_after_days);
  CHECK_FALSE(off.team.policy.invitations.cancel_after_days);
  auto one = load_text(k_head + "policy:\n  invitations: {cancel_after_days: 1}\n");
  REQUIRE(messages(one).empty());
  CHECK(one.team.policy.invitations.cancel_after_days == 1u);
}

TEST_CASE("bad time values are located errors", "[manifest][lifecycle][errors]") {
  struct Case {
    const char* rule;
    std::string text;
    std::vector<std::string> errors;
  };
  const std::vector<Case> cases = {
      {"negative days",
       k_head + "defaults:\n  remove: {after_suspended_days: -1}\n",
       {"team.yaml:3:34: error: \"defaults.remove.after_suspended_days\" must be a whole number "
        "of days from 0 to 3650, found \"-1\""}},
      {"too many days",
       k_head + "members:\n  - {email: a@acme.com, remove: {after_suspended_days: 3651}}\n",
       {"team.yaml:3:56: error: \"remove.after_suspended_days\" must be a whole number of days "
        "from 0 to 3650, found \"3651\""}},
      {"a fraction",
       k_head + "members:\n  - {email: a@acme.com, remove: {after_suspended_days: 1.5}}\n",
       {"team.yaml:3:56: error: \"remove.after_suspended_days\" must be a whole number of days "
        "from 0 to 3650, found \"1.5\""}},
      {"a quoted number",
       k_head + "defaults:\n  remove: {after_suspended_days: \"30\"}\n",
       {"team.yaml:3:34: error: \"defaults.remove.after_suspended_days\" must be a whole number "
        "of days from 0 to 3650, found \"30\""}},
      {"resend 0",
       k_head + "policy:\n  invitations: {resend_after_days: 0}\n",
       {"team.yaml:3:36: error: \"policy.invitations.resend_after_days\" must be a whole number "
        "of days from 1 to 3650, found \"0\""}},
      {"cancel not a number",
       k_head + "policy:\n  invitations: {cancel_after_days: soon}\n",
       {"team.yaml:3:36: error: \"policy.invitations.cancel_after_days\" must be a whole number "
        "of days from 1 to 3650, found \"soon\""}},
      {"cancel before resend",
       k_head + "policy:\n  invitations: {resend_after_days: 14, cancel_after_days: 14}\n",
       {"team.yaml:3:59: error: policy.invitations.cancel_after_days (14) must be greater than "
        "resend_after_days (14): an invitation is resent before it is cancelled"}},
      {"unknown key",
       k_head + "policy:\n  invitations: {resend_after: 7}\n",
       {"team.yaml:3:17: error: unknown key \"resend_after\" in policy.invitations (did you mean "
        "\"resend_after_days\"?)"}},
      {"invitations not a mapping",
       k_head + "policy:\n  invitations: 7\n",
       {"team.yaml:3:16: error: \"policy.invitations\" must be a mapping, found \"7\""}},
      {"reinvite not a boolean",
       k_head + "members:\n  - {email: a@acme.com, reinvite: yes please}\n",
       {"team.yaml:3:35: error: \"reinvite\" must be true or false, found \"yes please\""}},
  };
  for (const auto& c : cases) {
    INFO(c.rule);
    CHECK(messages(load_text(c.text)) == c.errors);
  }
}
