// The access keys keep the loader's bounds: an aliased bad group is reported once, and a
// large team's memberships resolve with lookups, not scans.
#include <catch2/catch.hpp>

#include "manifest_test_support.hpp"

using namespace roster;
using roster::test::load_text;
using roster::test::messages;

namespace {

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += text;
  return out;
}

}  // namespace

TEST_CASE("an anchored bad group aliased many times is reported once", "[manifest][limits]") {
  auto loaded = load_text("version: 1\ngroups:\n  - &g {name: Sales, owners: [a@acme.com]}\n" +
                          repeat("  - *g\n", 400));
  CHECK(messages(loaded) ==
        std::vector<std::string>{"team.yaml:3:22: error: unknown key \"owners\" in group (expected "
                                 "one of: name, external_id, management_type, members)"});
}

TEST_CASE("an anchored bad groups entry aliased by every member is reported once",
          "[manifest][limits]") {
  std::string text =
      "version: 1\ngroups: [{name: Sales}]\nmembers:\n"
      "  - {email: m@acme.com, groups: [&r {name: Sales, acess: owner}]}\n";
  for (int i = 0; i < 400; ++i)
    text += "  - {email: m" + std::to_string(i) + "@acme.com, groups: [*r]}\n";
  auto loaded = load_text(text);
  CHECK(loaded.diagnostics.error_count() == 1);
  CHECK(messages(loaded) == std::vector<std::string>{
                                "team.yaml:4:51: error: unknown key \"acess\" in groups entry (did "
                                "you mean \"access\"?)"});
}

TEST_CASE("a large team's group memberships resolve, one entry per member and group",
          "[manifest][limits]") {
  // 5,000 members, each in Everyone by default and in one of 100 groups, which also lists
  // its members: 10,000 memberships said 15,000 times.
  const int members = 5000, groups = 100;
  std::string text = "version: 1\ndefaults: {groups: [Everyone]}\ngroups:\n  - name: Everyone\n";
  for (int g = 0; g < groups; ++g) {
    text += "  - name: G" + std::to_string(g) + "\n    members:\n";
    for (int m = g; m < members; m += groups)
      text += "      - m" + std::to_string(m) + "@acme.com\n";
  }
  text += "members:\n";
  for (int m = 0; m < members; ++m) {
    text += "  - {email: m" + std::to_string(m) + "@acme.com, groups: [Everyone, G" +
            std::to_string(m % groups) + "]}\n";
  }
  auto loaded = load_text(text);
  REQUIRE(messages(loaded).empty());
  REQUIRE(loaded.team.groups.size() == groups + 1);
  CHECK(loaded.team.groups[0].members.size() == members);
  for (int g = 1; g <= groups; ++g)
    CHECK(loaded.team.groups[static_cast<std::size_t>(g)].members.size() == members / groups);
  CHECK(loaded.team.groups[1].members[0].email == "m0@acme.com");
  CHECK(loaded.team.groups[1].members[1].email == "m1000@acme.com");  // sorted by email
}

TEST_CASE("contradictions in a large manifest stop at the report cap", "[manifest][limits]") {
  std::string text = "version: 1\ngroups:\n  - name: G\n    members:\n";
  for (int m = 0; m < 1000; ++m)
    text += "      - {email: m" + std::to_string(m) + "@acme.com, access: owner}\n";
  text += "members:\n";
  for (int m = 0; m < 1000; ++m)
    text += "  - {email: m" + std::to_string(m) + "@acme.com, groups: [G]}\n";
  auto loaded = load_text(text);
  CHECK(loaded.diagnostics.error_count() == 1000);
  CHECK(messages(loaded).size() == core::Diagnostics::k_max_kept);
}

TEST_CASE("long secondary email lists are checked with lookups, not scans", "[manifest][limits]") {
  // 20,000 secondary emails, repeated once in the member's own list and once by a second
  // member through an alias: scanning would cost billions of comparisons.
  std::string list;
  for (int i = 0; i < 20000; ++i)
    list += (i > 0 ? ", s" : "s") + std::to_string(i) + "@acme.com";
  auto loaded =
      load_text("version: 1\nmembers:\n  - email: a@acme.com\n    secondary_emails: &l [" + list +
                ", s0@acme.com]\n  - {email: b@acme.com, secondary_emails: *l}\n");
  CHECK(loaded.diagnostics.error_count() == 2 + 20000);
  auto e = messages(loaded);
  REQUIRE_FALSE(e.empty());
  // The aliased list is located where it was written: every report points at line 4.
  CHECK(e[0] ==
        "team.yaml:4:27: error: secondary email \"s0@acme.com\" is also a secondary email of "
        "a@acme.com at team.yaml:4:27");
}
