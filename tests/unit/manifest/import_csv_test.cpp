// CSV exports that import cleanly: the members they produce, the manifest text
// rendered from them, and how that text loads back.
#include <catch2/catch.hpp>

#include "import_csv_test_support.hpp"
#include "manifest/csv_reader.hpp"

using namespace roster;
using roster::test::csv_messages;
using roster::test::import_text;

TEST_CASE("import_csv reads members with every column", "[csv]") {
  auto imported = import_text(
      "email,given_name,surname,external_id,state\n"
      "Amy.Smith@ACME.com,Amy,Smith,E1001,active\n"
      "bob@acme.com,Bob,,E1002,Suspended\n"
      "carol@acme.com,,,,REMOVED\n"
      "dan@acme.com,Dan,O'Neil,,\n");
  REQUIRE(imported.diagnostics.empty());
  const auto& m = imported.members;
  REQUIRE(m.size() == 4);
  CHECK(m[0].email == "amy.smith@acme.com");
  CHECK(m[0].given_name == "Amy");
  CHECK(m[0].surname == "Smith");
  CHECK(m[0].external_id == "E1001");
  CHECK(m[0].state == model::DesiredState::active);
  CHECK(m[0].location.file == "hr.csv");
  CHECK(m[0].location.line == 2);
  CHECK(m[1].surname == std::nullopt);  // an empty cell is not managed
  CHECK(m[1].state == model::DesiredState::suspended);
  CHECK(m[2].given_name == std::nullopt);
  CHECK(m[2].external_id == std::nullopt);
  CHECK(m[2].state == model::DesiredState::removed);
  CHECK(m[3].surname == "O'Neil");
  CHECK(m[3].state == model::DesiredState::active);  // empty state means active
  CHECK(m[3].send_welcome_email);
}

TEST_CASE("import_csv needs only the email column, in any position", "[csv]") {
  auto imported = import_text("surname,email\nSmith,amy@acme.com\n,bob@acme.com\n");
  REQUIRE(imported.diagnostics.empty());
  REQUIRE(imported.members.size() == 2);
  CHECK(imported.members[0].email == "amy@acme.com");
  CHECK(imported.members[0].surname == "Smith");
  CHECK(imported.members[0].given_name == std::nullopt);
  CHECK(imported.members[1].surname == std::nullopt);
}

TEST_CASE("import_csv matches header names loosely and knows common HR aliases", "[csv]") {
  auto imported = import_text(
      " Email Address , First Name,LAST-NAME,Employee ID,State\n"
      "amy@acme.com,Amy,Smith,7,suspended\n");
  REQUIRE(imported.diagnostics.empty());
  REQUIRE(imported.members.size() == 1);
  const auto& amy = imported.members[0];
  CHECK(amy.given_name == "Amy");
  CHECK(amy.surname == "Smith");
  CHECK(amy.external_id == "7");
  CHECK(amy.state == model::DesiredState::suspended);
  CHECK(import_text("email,family_name\na@acme.com,Lee\n").members.at(0).surname == "Lee");
}

TEST_CASE("import_csv strips a UTF-8 BOM and reads CRLF and CR line endings", "[csv]") {
  for (std::string eol : {"\r\n", "\r", "\n"}) {
    auto imported = import_text(
        "\xEF\xBB\xBF"
        "email,given_name" +
        eol + "amy@acme.com,Amy" + eol + eol + "bob@acme.com,Bob" + eol);
    INFO("line ending " << (eol == "\n" ? "LF" : eol == "\r" ? "CR" : "CRLF"));
    REQUIRE(imported.diagnostics.empty());
    REQUIRE(imported.members.size() == 2);
    CHECK(imported.members[0].given_name == "Amy");  // no "\r" left over
    CHECK(imported.members[1].location.line == 4);
  }
  // The BOM takes no column: an error in the first header cell is at column 1.
  CHECK(csv_messages("\xEF\xBB\xBF"
                     "emial\r\n") ==
        std::vector<std::string>{
            "hr.csv:1:1: error: unknown column \"emial\" (did you mean \"email\"?)",
            "hr.csv:1:1: error: the header row has no \"email\" column (the first row of the "
            "file must name the columns)"});
}

TEST_CASE("import_csv reads quoted fields with commas, quotes and line breaks", "[csv]") {
  auto imported = import_text(
      "email,given_name,surname,external_id\n"
      "\"amy@acme.com\",\"Amy, Jr.\",\"Smith\",\"E\"\"1\"\n"
      "bob@acme.com, \"Bob\" ,\"Lee\n\",\"\"\n"
      "carol@acme.com,Carol,,\n");
  REQUIRE(imported.diagnostics.empty());
  REQUIRE(imported.members.size() == 3);
  CHECK(imported.members[0].given_name == "Amy, Jr.");
  CHECK(imported.members[0].external_id == "E\"1");
  CHECK(imported.members[1].given_name == "Bob");
  CHECK(imported.members[1].surname == "Lee");  // a line break at the end is trimmed
  CHECK(imported.members[1].external_id == std::nullopt);
  CHECK(imported.members[2].location.line == 5);  // the quoted line break counts
}

TEST_CASE("import_csv trims cells and skips blank and all-empty rows", "[csv]") {
  auto imported = import_text(
      "\n\nemail , given_name\n"
      "  amy@acme.com  ,\tAmy \n"
      "\n"
      "   \n"
      ",\n"
      "bob@acme.com,\n");
  REQUIRE(imported.diagnostics.empty());
  REQUIRE(imported.members.size() == 2);
  CHECK(imported.members[0].email == "amy@acme.com");
  CHECK(imported.members[0].given_name == "Amy");
  CHECK(imported.members[0].location.line == 4);
  CHECK(imported.members[1].location.line == 8);
}

TEST_CASE("import_csv keeps names in any script and counts their length in characters", "[csv]") {
  std::string fifty_e_acute;
  for (int i = 0; i < 50; ++i)
    fifty_e_acute += "\xC3\xA9";
  auto imported =
      import_text("email,given_name,surname\nzoe@acme.com,Zo\xC3\xAB," + fifty_e_acute + "\n");
  REQUIRE(imported.diagnostics.empty());
  CHECK(imported.members.at(0).given_name == "Zo\xC3\xAB");
  CHECK(imported.members.at(0).surname == fifty_e_acute);
}

TEST_CASE("import_csv ignores an unnamed column whose cells are empty", "[csv]") {
  auto imported = import_text("email,given_name,,\namy@acme.com,Amy,,\n");
  REQUIRE(imported.diagnostics.empty());
  CHECK(imported.members.size() == 1);
}

TEST_CASE("import_csv warns about a header without rows", "[csv]") {
  auto imported = import_text("email,given_name\r\n");
  CHECK(imported.members.empty());
  CHECK_FALSE(imported.diagnostics.has_errors());
  CHECK(csv_messages("\nemail\n\n") ==
        std::vector<std::string>{"hr.csv:2:1: warning: no member rows after the header row"});
}

TEST_CASE("the CSV reader reports where each field of a multi-line record starts", "[csv]") {
  core::Diagnostics diagnostics;
  manifest::CsvReader reader("a,\"b\r\nc\",d\ne\xC3\xA9,f", "x.csv", diagnostics);
  manifest::CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.line == 1);
  REQUIRE(record.fields.size() == 3);
  CHECK(record.fields[1].value == "b\r\nc");
  CHECK(record.fields[1].line == 1);
  CHECK(record.fields[1].column == 3);
  CHECK(record.fields[2].value == "d");
  CHECK(record.fields[2].line == 2);
  CHECK(record.fields[2].column == 4);
  REQUIRE(reader.next(record));
  CHECK(record.line == 3);
  REQUIRE(record.fields.size() == 2);
  CHECK(record.fields[1].column == 4);  // "é" is one column
  CHECK_FALSE(reader.next(record));
  CHECK(diagnostics.empty());
}

TEST_CASE("members_yaml writes a manifest of members only", "[csv]") {
  auto imported = import_text(
      "email,given_name,surname,external_id,state\n"
      "amy@acme.com,Amy,\"Smith, Jr.\",\"1001 \"\"A\"\"\",\n"
      "bob@acme.com,,,,suspended\n");
  REQUIRE(imported.diagnostics.empty());
  CHECK(test::members_yaml(imported.members) ==
        "# imported from hr.csv\n"
        "version: 1\n"
        "members:\n"
        "  - {email: amy@acme.com, given_name: Amy, surname: \"Smith, Jr.\", external_id: 1001 "
        "\"A\"}\n"
        "  - {email: bob@acme.com, state: suspended}\n");
  CHECK(test::members_yaml({}) == "# imported from hr.csv\nversion: 1\nmembers: []\n");
}

TEST_CASE("CSV to members to manifest text loads back without diagnostics", "[csv]") {
  auto imported = import_text(
      "\xEF\xBB\xBF"
      "Email,First Name,Last Name,Employee ID,State\r\n"
      "Amy.Smith@ACME.com,Amy,\"Smith, Jr.\",001001,Active\r\n"
      "bob@acme.com,Bob,O'Brien,\"true \"\"x\"\"\",suspended\r\n"
      "carol@acme.com,Zo\xC3\xAB,#1 \\ 'x',null,removed\r\n"
      "dan@acme.com,,,,\r\n"
      "eve@acme.com,  yes ,- no,~,\r\n");
  REQUIRE(imported.diagnostics.empty());
  REQUIRE(imported.members.size() == 5);
  auto text = test::members_yaml(imported.members);
  auto loaded = manifest::load_manifest_sources({{"hr.yaml", text}});
  for (const auto& d : loaded.diagnostics.items())
    FAIL(core::format_diagnostic(d));
  REQUIRE(loaded.team.members.size() == imported.members.size());
  for (std::size_t i = 0; i < imported.members.size(); ++i) {
    INFO(text);
    CHECK(test::same_csv_fields(loaded.team.members[i], imported.members[i]));
  }
  // A manifest directory can take the text as one more file next to a main manifest.
  auto merged = manifest::load_manifest_sources(
      {{"main.yaml", "version: 1\npolicy: {unmanaged: report}\nmembers: []\n"},
       {"zz-hr.yaml", text}});
  CHECK(merged.diagnostics.empty());
  CHECK(merged.team.members.size() == 5);
}
