// Hostile manifests: deep nesting, alias floods, very wide mappings, huge values.
// Each is refused or reported in bounded work and bounded output.
#include <catch2/catch.hpp>

#include "manifest_test_support.hpp"

using namespace roster;
using roster::test::load_text;
using roster::test::messages;

namespace {

const std::string k_head = "version: 1\nmembers:\n";

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i)
    out += text;
  return out;
}

// A flow mapping with `count` keys k0, k1, ... none of which a member may have.
std::string bad_keys(int count) {
  std::string out = "{";
  for (int i = 0; i < count; ++i)
    out += (i > 0 ? ", k" : "k") + std::to_string(i) + ": 1";
  return out + "}";
}

}  // namespace

TEST_CASE("nesting deeper than 64 levels stops the reader with one error", "[manifest][limits]") {
  const std::string expected =
      "team.yaml:2:73: error: nesting deeper than 64 levels (a manifest needs 5)";
  // Inside the members list (2 levels) 62 more brackets are allowed.
  CHECK(messages(load_text(k_head + "  - " + std::string(100000, '['))) ==
        std::vector<std::string>{
            "team.yaml:3:67: error: nesting deeper than 64 levels (a manifest needs 5)"});
  CHECK(messages(load_text("version: 1\nmembers: " + std::string(1000000, '['))) ==
        std::vector<std::string>{expected});
  CHECK(messages(load_text("version: 1\nmembers: " + std::string(1000000, '{'))) ==
        std::vector<std::string>{expected});
  // Block style: "- - - - ..." opens a list per dash.
  CHECK(messages(load_text(k_head + repeat("- ", 1000) + "x\n")) ==
        std::vector<std::string>{
            "team.yaml:3:127: error: nesting deeper than 64 levels (a manifest needs 5)"});
  // At the limit the document is read and checked as usual.
  CHECK(
      messages(load_text("version: 1\nmembers: " + std::string(63, '[') + std::string(63, ']'))) ==
      std::vector<std::string>{
          "team.yaml:2:11: error: \"member\" must be a mapping, found a list"});
}

TEST_CASE("an anchored mapping aliased many times is checked and reported once",
          "[manifest][limits]") {
  // 200 bad keys aliased 400 times: 80,000 errors before, 201 now.
  auto loaded = load_text(k_head + "  - &bad " + bad_keys(200) + "\n" + repeat("  - *bad\n", 400));
  CHECK(loaded.diagnostics.error_count() == 201);
  auto e = messages(loaded);
  REQUIRE(e.size() == 100);
  CHECK(e[0] == "team.yaml:3:5: error: member has no \"email\"");
  CHECK(e[1] ==
        "team.yaml:3:11: error: unknown key \"k0\" in member (expected one of: email, "
        "given_name, surname, external_id, state, send_welcome_email, suspend, remove, role, "
        "groups, secondary_emails, space_limit, reinvite)");
  for (const auto& d : loaded.diagnostics.items())
    CHECK(d.location.line == 3);  // nothing at the aliases
}

TEST_CASE("the same anchored mapping is checked once per role", "[manifest][limits]") {
  // As `suspend` it has an unknown key; as `remove` it breaks a rule of members/remove.
  auto e = messages(load_text(k_head + "  - email: a@acme.com\n"
                                       "    suspend: &o {wipe_data: true, keep_account: true}\n"
                                       "    state: suspended\n"
                                       "  - email: b@acme.com\n    suspend: *o\n"
                                       "  - email: c@acme.com\n    remove: *o\n"
                                       "  - email: d@acme.com\n    remove: *o\n"));
  CHECK(e == std::vector<std::string>{
                 "team.yaml:4:35: error: unknown key \"keep_account\" in suspend (expected "
                 "one of: wipe_data)",
                 "team.yaml:9:13: error: remove: keep_account: true cannot be combined with "
                 "wipe_data: true (Dropbox cannot keep an account whose data is wiped)",
                 "team.yaml:11:13: error: remove: keep_account: true cannot be combined with "
                 "wipe_data: true (Dropbox cannot keep an account whose data is wiped)"});
}

TEST_CASE("a valid anchored mapping is applied wherever it is aliased", "[manifest][limits]") {
  std::string text = k_head + "  - email: a@acme.com\n    remove: &r {wipe_data: true}\n";
  for (int i = 0; i < 50; ++i)
    text += "  - {email: m" + std::to_string(i) + "@acme.com, state: removed, remove: *r}\n";
  auto loaded = load_text(text);
  REQUIRE(messages(loaded).empty());
  REQUIRE(loaded.team.members.size() == 51);
  CHECK(loaded.team.members.back().remove.wipe_data);
}

TEST_CASE("aliases may repeat at most 8 times the file's text", "[manifest][limits]") {
  // "Billion laughs": each level aliases the previous one ten times.
  std::string text = "version: 1\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string previous = "*l" + std::to_string(i - 1);
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [" +
            repeat(previous + ", ", 9) + previous + "]\n";
  }
  CHECK(messages(load_text(text + "members: []\n")) ==
        std::vector<std::string>{"team.yaml:7:10: error: aliases repeat more than 1048576 "
                                 "characters (8 times the file, at least 1 MiB); write the "
                                 "repeated parts out"});
  // One big bad mapping aliased past the budget stops at the first alias past it.
  auto e = messages(
      load_text(k_head + "  - &bad " + bad_keys(2000) + "\n" + repeat("  - *bad\n", 1000)));
  CHECK(e == std::vector<std::string>{"team.yaml:59:5: error: aliases repeat more than 1048576 "
                                      "characters (8 times the file, at least 1 MiB); write "
                                      "the repeated parts out"});
}

TEST_CASE("a mapping with thousands of keys still finds duplicates", "[manifest][limits]") {
  auto loaded = load_text(k_head + "  - " + bad_keys(5000).insert(1, "k4321: 1, k17: 1, ") + "\n");
  CHECK(loaded.diagnostics.error_count() == 5000 + 2 + 1);  // unknown keys, 2 duplicates, email
  auto e = messages(loaded);
  CHECK(std::count(e.begin(), e.end(),
                   "team.yaml:3:150: error: duplicate key \"k17\" in member (first at line 3)") ==
        1);
}

TEST_CASE("huge keys and values are quoted in short", "[manifest][limits]") {
  std::string huge(1000000, 'x');
  std::string key(1000, 'x');  // YAML limits implicit keys to 1024 characters
  CHECK(messages(load_text(k_head + "  - {email: a@acme.com, " + key + ": 1}\n")) ==
        std::vector<std::string>{
            "team.yaml:3:25: error: unknown key \"" + std::string(60, 'x') +
            "...\" in member (expected one of: email, given_name, surname, "
            "external_id, state, send_welcome_email, suspend, remove, role, groups, "
            "secondary_emails, space_limit, reinvite)"});
  CHECK(messages(load_text(k_head + "  - {email: a@acme.com, state: " + huge + "}\n")) ==
        std::vector<std::string>{"team.yaml:3:32: error: unknown state \"" + std::string(60, 'x') +
                                 "...\" (expected active, suspended or removed)"});
  CHECK(messages(load_text("version: " + huge + "\n")) ==
        std::vector<std::string>{"team.yaml:1:10: error: unsupported manifest version " +
                                 std::string(60, 'x') + "... (this roster reads 1)"});
}

TEST_CASE("transfer targets are checked against every member in one pass", "[manifest][limits]") {
  // Each member names a transfer target: the check looks each up instead of scanning all.
  std::string text = k_head + "  - {email: gone@acme.com, state: removed}\n";
  for (int i = 0; i < 3; ++i) {
    text += "  - email: m" + std::to_string(i) +
            "@acme.com\n    state: removed\n    remove: {transfer_to: gone@acme.com, "
            "transfer_admin: a" +
            std::to_string(i) + "@acme.com}\n";
  }
  auto e = messages(load_text(text));
  REQUIRE(e.size() == 3);
  CHECK(e[0] ==
        "team.yaml:6:27: error: remove.transfer_to names gone@acme.com, who is declared removed "
        "at team.yaml:3:35; files and transfer reports can only go to an active member");
}
