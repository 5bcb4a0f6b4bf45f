// Hostile or broken snapshots: deep nesting, many bad members, stray bytes.
#include <catch2/catch.hpp>

#include "roster/core/text_position.hpp"
#include "roster/dropbox/snapshot.hpp"
#include "support/diagnostics.hpp"

using namespace roster;

namespace {

std::vector<std::string> errors_of(const std::string& text) {
  return test::printed(dropbox::read_snapshot_text(text, "team.json").diagnostics);
}

std::string bad_member(int i) {
  return R"({"profile": {"team_member_id": "dbmid:)" + std::to_string(i) +
         R"(", "email": "a@b.com", "status": {".tag": "gone"}, "name": {"given_name": "",
         "surname": ""}}})";
}

}  // namespace

TEST_CASE("a snapshot nested deeper than 64 levels is a located error", "[snapshot][limits]") {
  // 1 level for the document, 1 for "members", 1 for the member: 62 more are allowed.
  std::string ok = R"({"members": [{"x": )" + std::string(61, '[') + std::string(61, ']') + "}]}";
  CHECK(errors_of(ok) ==
        std::vector<std::string>{"team.json:1:14: error: members[0]: missing required field "
                                 "\"profile\""});
  std::string deep = R"({"members": [{"x": )" + std::string(100000, '[');
  CHECK(errors_of(deep) ==
        std::vector<std::string>{"team.json:1:81: error: malformed JSON: nesting deeper than 64 "
                                 "levels"});
  // Deep nesting in a key the reader skips counts as well.
  CHECK(errors_of(R"({"cursor": )" + std::string(100, '[') + "}") ==
        std::vector<std::string>{
            "team.json:1:75: error: malformed JSON: nesting deeper than 64 levels"});
}

TEST_CASE("a NUL byte after a snapshot is not the end of it", "[snapshot][limits]") {
  CHECK(errors_of(std::string("{\"members\": []}\0{\"members\": [1]}", 32)) ==
        std::vector<std::string>{"team.json:1:16: error: malformed JSON: the document root must "
                                 "not be followed by other values"});
}

TEST_CASE("every bad member of a long one-line snapshot is located exactly", "[snapshot][limits]") {
  // A snapshot as Dropbox pages are concatenated: one line. Each error's column is
  // found incrementally; it must agree with counting from the start.
  std::string text = R"({"members": [)";
  for (int i = 0; i < 3000; ++i)
    text += (i > 0 ? (i % 7 == 0 ? ",\n" : ", ") : "") + bad_member(i);
  text += "]}";
  auto loaded = dropbox::read_snapshot_text(text, "team.json");
  REQUIRE(loaded.diagnostics.error_count() == 3000);
  std::size_t search = 0;
  for (const auto& d : loaded.diagnostics.items()) {
    search = text.find(R"({".tag": "gone"})", search) + 1;
    auto expected = core::position_of(text, search - 1);
    REQUIRE(d.location.line == expected.line);
    REQUIRE(d.location.column == expected.column);
  }
}

TEST_CASE("a snapshot timestamp must be a real date", "[snapshot][limits]") {
  std::string member = R"({"members": [{"profile": {"team_member_id": "dbmid:1",
    "email": "a@b.com", "status": {".tag": "active"}, "joined_on": "2026-02-31T00:00:00Z",
    "name": {"given_name": "", "surname": ""}}}]})";
  CHECK(errors_of(member) ==
        std::vector<std::string>{
            "team.json:2:68: error: members[0].profile: \"joined_on\" is not a timestamp like "
            "2015-05-12T15:50:38Z: \"2026-02-31T00:00:00Z\""});
}
