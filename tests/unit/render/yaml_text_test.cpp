// The manifest writer's strings (decision 0046): yaml-cpp picks the style, roster forces
// double quotes or escapes where libyaml would read yaml-cpp's choice back differently.
#include <catch2/catch.hpp>

#include <sstream>

#include "roster/manifest/load_manifest.hpp"
#include "roster/render/render_members.hpp"
#include "support/diagnostics.hpp"

using namespace roster;

namespace {

// The manifest import-csv writes for one member with this external id; `long_name`
// (the longest names Dropbox allows) makes the member too long for one line, so it is written as a
// block mapping.
std::string written(const std::string& external_id, bool long_name) {
  model::DesiredMember m;
  m.email = "a@acme.com";
  if (long_name) {
    m.given_name = std::string(50, 'g');
    m.surname = std::string(50, 's');
  }
  m.external_id = external_id;
  std::ostringstream out;
  render::render_members_yaml({m}, "", out);
  return out.str();
}

struct Case {
  const char* what;
  std::string value;
  std::string scalar;  // as written
};

// One case per class of character or word the writer treats differently.
const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"plain text", "E 1001", "E 1001"},
      {"quotes and backslash", "with \"q\" and \\", "with \"q\" and \\"},
      {"non-ASCII letters stay readable", "Zo\xC3\xAB \xC3\x9Cnal", "Zo\xC3\xAB \xC3\x9Cnal"},
      {"tab", "tab\there", "\"tab\\there\""},
      {"C0 control", "a\x01z", "\"a\\x01z\""},
      {"line feed", "a\nz", "\"a\\nz\""},
      {"DEL", "del\x7F", "\"del\\x7f\""},
      {"C1 control", "c1\xC2\x9B", "\"c1\\x9b\""},
      {"NEL", "nel\xC2\x85x", "\"nel\\x85x\""},
      {"LS and PS", "ls\xE2\x80\xA8ps\xE2\x80\xA9", "\"ls\\u2028ps\\u2029\""},
      {"escaped text keeps its other letters", "\xC3\xAB\x7F", "\"\\xeb\\x7f\""},
      {"BOM", "bom\xEF\xBB\xBF", "\"bom\\ufeff\""},
      {"noncharacter U+FDD0", "a\xEF\xB7\x90z", "\"a\\uFDD0z\""},
      {"noncharacters U+FFFE, U+FFFF with a tab", "\xEF\xBF\xBE\t\xEF\xBF\xBF",
       "\"\\uFFFE\\t\\uFFFF\""},
      {"noncharacter U+1FFFE next to U+FFFD", "\xF0\x9F\xBF\xBE\xEF\xBF\xBD",
       "\"\\U0001FFFE\\ufffd\""},
      {"comment sign", "# x", "\"# x\""},
      {"dash and blank", "- x", "\"- x\""},
      {"leading colon (libyaml refuses it plain in flow)", ":x", "\":x\""},
      {"leading and trailing blanks", " x ", "\" x \""},
      {"YAML 1.1 bool", "yes", "\"yes\""},
      {"bool", "false", "\"false\""},
      {"null", "null", "\"null\""},
      {"tilde", "~", "\"~\""},
      {"integer with leading zeros", "001001", "\"001001\""},
      {"hex integer", "0x1F", "\"0x1F\""},
      {"float", "1e3", "\"1e3\""},
      {"infinity", ".inf", "\".inf\""},
  };
  return all;
}

}  // namespace

TEST_CASE("each class of character is written so that libyaml reads it back byte for byte",
          "[render][yaml]") {
  for (bool long_name : {false, true}) {
    for (const auto& c : cases()) {
      auto text = written(c.value, long_name);
      INFO(c.what << (long_name ? " (block mapping)" : " (flow mapping)") << "\n" << text);
      CHECK(text.find("external_id: " + c.scalar + (long_name ? "\n" : "}")) != std::string::npos);
      auto loaded = manifest::load_manifest_sources({{"m.yaml", text}});
      REQUIRE(test::printed(loaded.diagnostics).empty());
      CHECK(loaded.team.members.at(0).external_id == c.value);
    }
  }
}

TEST_CASE("a short member is one flow mapping line, a long one a block mapping", "[render][yaml]") {
  CHECK(written("E1", false) == "version: 1\nmembers:\n  - {email: a@acme.com, external_id: E1}\n");
  CHECK(written("E1", true) ==
        "version: 1\nmembers:\n  - email: a@acme.com\n    given_name: " + std::string(50, 'g') +
            "\n    surname: " + std::string(50, 's') + "\n    external_id: E1\n");
}

TEST_CASE("header lines end at every YAML line break and hold no character YAML refuses",
          "[render][yaml]") {
  // A team name from the API ends up here: LS or NEL in it must not start a line of
  // manifest, and a control character must not make the file unreadable.
  std::ostringstream out;
  render::render_members_yaml({},
                              "one\r\ntwo\rthree\xC2\x85"
                              "four\xE2\x80\xA8"
                              "five\xE2\x80\xA9six\x01\x7F\xC2\x9Bz",
                              out);
  CHECK(out.str() ==
        "# one\n# two\n# three\n# four\n# five\n"
        "# six\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz\nversion: 1\nmembers: []\n");
  auto loaded = manifest::load_manifest_sources({{"m.yaml", out.str()}});
  CHECK(test::printed(loaded.diagnostics).empty());
}
