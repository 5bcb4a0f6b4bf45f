// One test per class of bad manifest input: the exact message and its location.
#include <catch2/catch.hpp>

#include <filesystem>

#include "manifest_test_support.hpp"

using namespace roster;
using Catch::Matchers::StartsWith;
using roster::test::load_text;
using roster::test::messages;

namespace {

std::vector<std::string> errors_of(const std::string& text) {
  return messages(load_text(text));
}

const std::string k_head = "version: 1\nmembers:\n";

}  // namespace

TEST_CASE("malformed YAML is reported at the parser's position", "[manifest][errors]") {
  auto e = errors_of("version: 1\nmembers:\n  - email: a@acme.com\n   given_name: [Amy\n");
  REQUIRE(e.size() == 1);
  CHECK_THAT(e[0], StartsWith("team.yaml:4:"));
  CHECK(e[0].find(": error: malformed YAML: ") != std::string::npos);

  e = errors_of("version: 1\nmembers: [\n");
  REQUIRE(e.size() == 1);
  CHECK_THAT(e[0], StartsWith("team.yaml:3:1: error: malformed YAML: "));

  e = errors_of("a: \xff\xfe\n");
  REQUIRE(e.size() == 1);
  CHECK_THAT(e[0], StartsWith("team.yaml:1:4: error: malformed YAML: invalid"));
}

TEST_CASE("an empty file is an error, also when it holds only comments", "[manifest][errors]") {
  const std::string expected =
      "team.yaml:1:1: error: empty manifest (expected a mapping with \"version\" and "
      "\"members\")";
  CHECK(errors_of("") == std::vector<std::string>{expected});
  CHECK(errors_of("# nothing yet\n\n") == std::vector<std::string>{expected});
  CHECK(errors_of("---\n") == std::vector<std::string>{expected});
}

TEST_CASE("version is required and must be 1", "[manifest][errors]") {
  CHECK(errors_of("members: []\n") ==
        std::vector<std::string>{"team.yaml:1:1: error: missing required key \"version\" (this "
                                 "roster reads version: 1)"});
  CHECK(errors_of("version: 2\nmembers: []\n") ==
        std::vector<std::string>{
            "team.yaml:1:10: error: unsupported manifest version 2 (this roster reads 1)"});
  CHECK(errors_of("version: [1]\n") ==
        std::vector<std::string>{
            "team.yaml:1:10: error: \"version\" must be a number, found a list"});
}

TEST_CASE("unknown keys are errors at every level, with a hint for typos", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - email: bob@acme.com\n    stat: suspended\n") ==
        std::vector<std::string>{
            "team.yaml:4:5: error: unknown key \"stat\" in member (did you mean \"state\"?)"});
  CHECK(
      errors_of("version: 1\nmember: []\n") ==
      std::vector<std::string>{
          "team.yaml:2:1: error: unknown key \"member\" in manifest (did you mean \"members\"?)"});
  CHECK(errors_of("version: 1\ndefaults:\n  remove: {purge: true}\n") ==
        std::vector<std::string>{
            "team.yaml:3:12: error: unknown key \"purge\" in defaults.remove (expected one of: "
            "wipe_data, keep_account, retain_team_shares, transfer_to, transfer_admin, "
            "after_suspended_days)"});
  CHECK(errors_of("version: 1\npolicy:\n  unmanagd: remove\n") ==
        std::vector<std::string>{"team.yaml:3:3: error: unknown key \"unmanagd\" in policy (did "
                                 "you mean \"unmanaged\"?)"});
  CHECK(errors_of(k_head + "  - email: a@acme.com\n    suspend: {wipe: true}\n") ==
        std::vector<std::string>{"team.yaml:4:15: error: unknown key \"wipe\" in suspend (did you "
                                 "mean \"wipe_data\"?)"});
  CHECK(errors_of("version: 1\nteam: {name: X, id: 7}\n") ==
        std::vector<std::string>{
            "team.yaml:2:17: error: unknown key \"id\" in team (expected one of: name)"});
}

TEST_CASE("a key given twice in one mapping is an error", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - email: a@acme.com\n    email: b@acme.com\n") ==
        std::vector<std::string>{
            "team.yaml:4:5: error: duplicate key \"email\" in member (first at line 3)"});
}

TEST_CASE("values of the wrong type name what was expected and found", "[manifest][errors]") {
  CHECK(errors_of("version: 1\nmembers:\n  email: a@acme.com\n") ==
        std::vector<std::string>{
            "team.yaml:3:3: error: \"members\" must be a list, found a mapping"});
  CHECK(errors_of(k_head + "  - a@acme.com\n") ==
        std::vector<std::string>{
            "team.yaml:3:5: error: \"member\" must be a mapping, found \"a@acme.com\""});
  CHECK(
      errors_of(k_head + "  - email: [a@acme.com]\n") ==
      std::vector<std::string>{"team.yaml:3:12: error: \"email\" must be a string, found a list"});
  CHECK(errors_of("version: 1\ndefaults: {send_welcome_email: yes}\n") ==
        std::vector<std::string>{"team.yaml:2:32: error: \"defaults.send_welcome_email\" must be "
                                 "true or false, found \"yes\""});
  CHECK(errors_of("version: 1\npolicy: {max_removal_fraction: ten}\n") ==
        std::vector<std::string>{"team.yaml:2:32: error: \"policy.max_removal_fraction\" must be "
                                 "a number, found \"ten\""});
  CHECK(errors_of("version: 1\npolicy: {protected: it@acme.com}\n") ==
        std::vector<std::string>{
            "team.yaml:2:21: error: \"policy.protected\" must be a list, found \"it@acme.com\""});
  CHECK(errors_of("[1, 2]\n") ==
        std::vector<std::string>{
            "team.yaml:1:1: error: \"manifest\" must be a mapping, found a list"});
  CHECK(errors_of(k_head + "  - given_name: Amy\n") ==
        std::vector<std::string>{"team.yaml:3:5: error: member has no \"email\""});
}

TEST_CASE("emails must match Dropbox's EmailAddress pattern and length", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - email: bob@@acme.com\n") ==
        std::vector<std::string>{"team.yaml:3:12: error: invalid email \"bob@@acme.com\" in email "
                                 "(Dropbox expects name@domain.tld)"});
  std::string long_email = std::string(250, 'a') + "@acme.com";
  CHECK(errors_of(k_head + "  - email: " + long_email + "\n") ==
        std::vector<std::string>{
            "team.yaml:3:12: error: email is 259 characters long; Dropbox allows at most 255"});
  CHECK(errors_of("version: 1\npolicy: {protected: [root]}\n") ==
        std::vector<std::string>{"team.yaml:2:22: error: invalid email \"root\" in "
                                 "policy.protected (Dropbox expects name@domain.tld)"});
}

TEST_CASE("duplicate emails compare case-insensitively and name both places",
          "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - email: ann@example.com\n  - email: Ann@Example.com\n") ==
        std::vector<std::string>{"team.yaml:4:12: error: duplicate member \"ann@example.com\" "
                                 "(first listed at team.yaml:3:12)"});
  auto across = manifest::load_manifest_sources(
      {{"eng.yaml", k_head + "  - email: ann@example.com\n"},
       {"sales.yaml", k_head + "  - email: x@example.com\n  - email: ANN@example.com\n"}});
  CHECK(messages(across) ==
        std::vector<std::string>{"sales.yaml:4:12: error: duplicate member \"ann@example.com\" "
                                 "(first listed at eng.yaml:3:12)"});
}

TEST_CASE("external ids are unique and at most 64 characters", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - {email: a@acme.com, external_id: E1}\n"
                           "  - {email: b@acme.com, external_id: E1}\n") ==
        std::vector<std::string>{"team.yaml:4:38: error: duplicate external_id \"E1\" (also "
                                 "a@acme.com at team.yaml:3:38)"});
  CHECK(
      errors_of(k_head + "  - {email: a@acme.com, external_id: " + std::string(65, 'x') + "}\n") ==
      std::vector<std::string>{
          "team.yaml:3:38: error: external_id is 65 characters long; Dropbox allows at most 64"});
  CHECK(errors_of(k_head + "  - {email: a@acme.com, external_id: \"\"}\n") ==
        std::vector<std::string>{"team.yaml:3:38: error: external_id must not be empty (leave the "
                                 "key out instead)"});
}

TEST_CASE("names are at most 50 characters without / : ? * < > \" |", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - {email: a@acme.com, given_name: " + std::string(51, 'x') + "}\n") ==
        std::vector<std::string>{
            "team.yaml:3:37: error: given_name is 51 characters long; Dropbox allows at most 50"});
  CHECK(errors_of(k_head + "  - {email: a@acme.com, surname: \"Smith: Jr\"}\n") ==
        std::vector<std::string>{"team.yaml:3:34: error: surname contains \":\", which Dropbox "
                                 "does not allow in names (/ : ? * < > \" |)"});
}

TEST_CASE("state and policy.unmanaged accept only their listed values", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - {email: a@acme.com, state: suspend}\n") ==
        std::vector<std::string>{"team.yaml:3:32: error: unknown state \"suspend\" (expected "
                                 "active, suspended or removed)"});
  CHECK(errors_of("version: 1\npolicy: {unmanaged: delete}\n") ==
        std::vector<std::string>{"team.yaml:2:21: error: unknown policy.unmanaged value "
                                 "\"delete\" (expected report, suspend or remove)"});
}

TEST_CASE("max_removal_fraction must lie between 0 and 1", "[manifest][errors]") {
  CHECK(errors_of("version: 1\npolicy: {max_removal_fraction: 1.5}\n") ==
        std::vector<std::string>{"team.yaml:2:32: error: policy.max_removal_fraction must be "
                                 "between 0 and 1, found 1.5"});
  CHECK(errors_of("version: 1\npolicy: {max_removal_fraction: -0.1}\n") ==
        std::vector<std::string>{"team.yaml:2:32: error: policy.max_removal_fraction must be "
                                 "between 0 and 1, found -0.1"});
  CHECK(errors_of("version: 1\npolicy: {max_removal_fraction: 0}\n").empty());
  CHECK(errors_of("version: 1\npolicy: {max_removal_fraction: 1}\n").empty());
}

TEST_CASE("keep_account cannot be combined with wiping data", "[manifest][errors]") {
  CHECK(errors_of("version: 1\ndefaults:\n  remove: {keep_account: true, wipe_data: true}\n") ==
        std::vector<std::string>{
            "team.yaml:3:11: error: defaults.remove: keep_account: true cannot be combined with "
            "wipe_data: true (Dropbox cannot keep an account whose data is wiped)"});
  // Merged with defaults: the member's override is where the conflict is reported.
  CHECK(
      errors_of("version: 1\ndefaults: {remove: {wipe_data: true}}\nmembers:\n"
                "  - email: a@acme.com\n    state: removed\n    remove: {keep_account: true}\n") ==
      std::vector<std::string>{
          "team.yaml:6:13: error: remove: keep_account: true cannot be combined with "
          "wipe_data: true (Dropbox cannot keep an account whose data is wiped)"});
}

TEST_CASE("retain_team_shares needs keep_account", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - email: a@acme.com\n    remove: {retain_team_shares: true}\n") ==
        std::vector<std::string>{
            "team.yaml:4:13: error: remove: retain_team_shares: true requires keep_account: true"});
}

TEST_CASE("a transfer needs an admin and cannot go with keep_account", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - email: a@acme.com\n    remove: {transfer_to: b@acme.com}\n  - "
                           "email: b@acme.com\n") ==
        std::vector<std::string>{
            "team.yaml:4:13: error: remove: transfer_to requires transfer_admin (the admin who "
            "is told if the transfer fails)"});
  CHECK(errors_of(k_head + "  - email: a@acme.com\n    remove: {keep_account: true, transfer_to: "
                           "b@acme.com, transfer_admin: b@acme.com}\n") ==
        std::vector<std::string>{
            "team.yaml:4:13: error: remove: keep_account: true cannot be combined with "
            "transfer_to (a kept account keeps its files)"});
}

TEST_CASE("transfers cannot go to members declared suspended or removed", "[manifest][errors]") {
  CHECK(errors_of(k_head + "  - email: a@acme.com\n    state: removed\n"
                           "    remove: {transfer_to: b@acme.com, transfer_admin: it@acme.com}\n"
                           "  - email: b@acme.com\n    state: suspended\n") ==
        std::vector<std::string>{
            "team.yaml:5:27: error: remove.transfer_to names b@acme.com, who is declared "
            "suspended at team.yaml:7:12; files and transfer reports can only go to an active "
            "member"});
  CHECK(errors_of("version: 1\ndefaults:\n  remove: {transfer_to: arch@acme.com, "
                  "transfer_admin: it@acme.com}\nmembers:\n  - email: it@acme.com\n"
                  "    state: removed\n") ==
        std::vector<std::string>{
            "team.yaml:3:56: error: defaults.remove.transfer_admin names it@acme.com, who is "
            "declared removed at team.yaml:6:12; files and transfer reports can only go to an "
            "active member"});
}

TEST_CASE("a member cannot transfer files to themselves", "[manifest][errors]") {
  CHECK(errors_of(k_head +
                  "  - email: carol@acme.com\n    state: removed\n"
                  "    remove: {transfer_to: Carol@acme.com, transfer_admin: it@acme.com}\n") ==
        std::vector<std::string>{
            "team.yaml:5:27: error: remove.transfer_to names carol@acme.com, who is declared "
            "removed at team.yaml:4:12; files and transfer reports can only go to an active "
            "member",
            "team.yaml:5:27: error: carol@acme.com cannot transfer files to themselves"});
}

TEST_CASE("protected members cannot be declared suspended or removed", "[manifest][errors]") {
  CHECK(errors_of("version: 1\npolicy: {protected: [it@acme.com]}\nmembers:\n"
                  "  - {email: IT@acme.com, state: removed}\n") ==
        std::vector<std::string>{
            "team.yaml:4:33: error: protected member \"it@acme.com\" is declared removed; "
            "policy.protected members are never suspended or removed"});
}

TEST_CASE("team, defaults and policy may appear in one file only", "[manifest][errors]") {
  auto loaded = manifest::load_manifest_sources(
      {{"a.yaml", "version: 1\nteam: {name: Acme}\npolicy: {unmanaged: report}\n"},
       {"b.yaml", "version: 1\npolicy: {unmanaged: remove}\nteam: {name: Acme}\n"}});
  CHECK(messages(loaded) ==
        std::vector<std::string>{
            "b.yaml:2:9: error: \"policy\" is already declared in a.yaml:3:9 (team, defaults and "
            "policy may appear in one file only)",
            "b.yaml:3:7: error: \"team\" is already declared in a.yaml:2:7 (team, defaults and "
            "policy may appear in one file only)"});
}

TEST_CASE("every problem is reported, not only the first", "[manifest][errors]") {
  auto e = errors_of(k_head +
                     "  - {email: bad, state: gone}\n"
                     "  - {email: b@acme.com, stat: removed}\n"
                     "  - {email: c@acme.com, surname: \"a|b\"}\n");
  CHECK(e.size() == 4);
}

TEST_CASE("an unreadable path and an empty directory are errors", "[manifest][errors]") {
  auto loaded = manifest::load_manifest("/nonexistent/roster.yaml");
  CHECK(messages(loaded) == std::vector<std::string>{"/nonexistent/roster.yaml: error: cannot "
                                                     "read manifest: No such file or directory"});
  auto dir =
      std::filesystem::temp_directory_path() / ("roster-empty-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  loaded = manifest::load_manifest(dir.string());
  std::filesystem::remove_all(dir);
  CHECK(messages(loaded) ==
        std::vector<std::string>{dir.string() + ": error: no *.yaml files in manifest directory"});
}

TEST_CASE("a second YAML document in one file is an error", "[manifest][errors]") {
  CHECK(errors_of("version: 1\n---\nversion: 1\n") ==
        std::vector<std::string>{"team.yaml:2:1: error: a manifest file holds one YAML document; "
                                 "found a second '---'"});
}
