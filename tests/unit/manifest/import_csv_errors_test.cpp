// One test per class of bad CSV input: the exact message and its location.
#include <catch2/catch.hpp>

#include "import_csv_test_support.hpp"

using namespace roster;
using roster::test::csv_messages;
using Errors = std::vector<std::string>;

namespace {

const std::string k_header = "email,given_name,surname,external_id,state\n";

}  // namespace

TEST_CASE("an empty CSV file is an error", "[csv][errors]") {
  const Errors expected{
      "hr.csv:1:1: error: empty CSV file (expected a header row naming an \"email\" column)"};
  CHECK(csv_messages("") == expected);
  CHECK(csv_messages("\xEF\xBB\xBF") == expected);
  CHECK(csv_messages("\r\n\n  \n,,\n") == expected);
}

TEST_CASE("a UTF-16 export is an error", "[csv][errors]") {
  CHECK(csv_messages(std::string("\xFF\xFE"
                                 "e\0m\0",
                                 6)) ==
        Errors{"hr.csv:1:1: error: the file is UTF-16 text (export it as UTF-8 CSV)"});
}

TEST_CASE("the header must name an email column", "[csv][errors]") {
  CHECK(csv_messages("given_name,surname\nAmy,Smith\n") ==
        Errors{"hr.csv:1:1: error: the header row has no \"email\" column (the first row of the "
               "file must name the columns)"});
  // A file without a header row: its first row is read as column names.
  CHECK(csv_messages("amy@acme.com\n") ==
        Errors{"hr.csv:1:1: error: unknown column \"amy@acme.com\" (roster imports email, "
               "given_name, surname, external_id and state; remove other columns from the "
               "export)",
               "hr.csv:1:1: error: the header row has no \"email\" column (the first row of the "
               "file must name the columns)"});
}

TEST_CASE("a semicolon- or tab-separated file is an error", "[csv][errors]") {
  CHECK(csv_messages("email;given_name\na@acme.com;Amy\n") ==
        Errors{"hr.csv:1:1: error: the header row is separated by semicolons, not commas "
               "(export the file as comma-separated CSV)"});
  CHECK(csv_messages("\nemail\tgiven_name\n") ==
        Errors{"hr.csv:2:1: error: the header row is separated by tabs, not commas (export the "
               "file as comma-separated CSV)"});
}

TEST_CASE("unknown columns are errors, with a hint for typos", "[csv][errors]") {
  CHECK(csv_messages("email,stat\na@acme.com,suspended\n") ==
        Errors{"hr.csv:1:7: error: unknown column \"stat\" (did you mean \"state\"?)"});
  CHECK(csv_messages("email,Department\na@acme.com,Sales\n") ==
        Errors{"hr.csv:1:7: error: unknown column \"Department\" (roster imports email, "
               "given_name, surname, external_id and state; remove other columns from the "
               "export)"});
  CHECK(csv_messages("email,givenname\na@acme.com,Amy\n") ==
        Errors{"hr.csv:1:7: error: unknown column \"givenname\" (did you mean \"given_name\"?)"});
}

TEST_CASE("a column given twice is an error", "[csv][errors]") {
  CHECK(csv_messages("email,given_name,First Name\na@acme.com,Amy,Amy\n") ==
        Errors{"hr.csv:1:18: error: column \"First Name\" is a second given_name column (the "
               "first is column 2)"});
}

TEST_CASE("a value under a column without a name is an error", "[csv][errors]") {
  CHECK(csv_messages("email,,given_name\na@acme.com,x,Amy\nb@acme.com,,Bob\n") ==
        Errors{"hr.csv:2:12: error: value in a column that has no name in the header row"});
}

TEST_CASE("an unterminated quote is reported where it opens", "[csv][errors]") {
  CHECK(csv_messages(k_header + "a@acme.com,\"Amy,Smith,,\nb@acme.com,Bob,Lee,,\n") ==
        Errors{"hr.csv:2:12: error: unterminated quoted field: the quote opened here is never "
               "closed"});
}

TEST_CASE("a quote inside an unquoted field is an error", "[csv][errors]") {
  CHECK(csv_messages(k_header + "a@acme.com,Amy,O\"Brien,,\n") ==
        Errors{"hr.csv:2:17: error: unexpected '\"' in an unquoted field (quote the whole field "
               "and write the quote as \"\")"});
}

TEST_CASE("text after a closing quote is an error", "[csv][errors]") {
  CHECK(csv_messages(k_header + "a@acme.com,\"Amy\"x,Smith,,\n") ==
        Errors{"hr.csv:2:17: error: unexpected text after the closing quote of a field (inside "
               "quotes, write a quote as \"\")"});
}

TEST_CASE("a row with the wrong number of fields is an error", "[csv][errors]") {
  CHECK(csv_messages(k_header + "a@acme.com,Amy\n") ==
        Errors{"hr.csv:2:1: error: row has 2 fields but the header row has 5"});
  CHECK(csv_messages(k_header + "a@acme.com,Amy,Smith, Jr.,E1,active\n") ==
        Errors{"hr.csv:2:30: error: row has 6 fields but the header row has 5 (is a value with "
               "a comma not in double quotes?)"});
}

TEST_CASE("a missing, invalid or too long email is an error", "[csv][errors]") {
  CHECK(csv_messages(k_header + ",Amy,,,\n") ==
        Errors{"hr.csv:2:1: error: missing email (every row needs one)"});
  CHECK(csv_messages(k_header + "amy@acme,Amy,,,\n") ==
        Errors{"hr.csv:2:1: error: invalid email \"amy@acme\" (Dropbox expects name@domain.tld)"});
  CHECK(csv_messages("given_name,email\nAmy,\"amy smith@acme.com\"\n") ==
        Errors{"hr.csv:2:5: error: invalid email \"amy smith@acme.com\" (Dropbox expects "
               "name@domain.tld)"});
  CHECK(csv_messages("email\n" + std::string(250, 'a') + "@acme.com\n") ==
        Errors{"hr.csv:2:1: error: email is 259 characters long; Dropbox allows at most 255"});
}

TEST_CASE("duplicate emails are errors naming both rows, case-insensitively", "[csv][errors]") {
  CHECK(csv_messages(k_header + "amy@acme.com,,,,\nbob@acme.com,,,,\n\"Amy@ACME.com\",,,,\n") ==
        Errors{"hr.csv:4:1: error: duplicate member \"amy@acme.com\" (first listed at "
               "hr.csv:2:1)"});
}

TEST_CASE("duplicate external ids are errors naming both rows", "[csv][errors]") {
  CHECK(csv_messages(k_header + "amy@acme.com,,,E1,\nbob@acme.com,,,E2,\ncarol@acme.com,,,E1,\n") ==
        Errors{"hr.csv:4:18: error: duplicate external_id \"E1\" (also amy@acme.com at "
               "hr.csv:2:16)"});
}

TEST_CASE("names that Dropbox refuses are errors", "[csv][errors]") {
  CHECK(csv_messages(k_header + "a@acme.com," + std::string(51, 'x') + ",,,\n") ==
        Errors{"hr.csv:2:12: error: given_name is 51 characters long; Dropbox allows at most 50"});
  CHECK(csv_messages(k_header + "a@acme.com,Amy,Smith/Jones,,\n") ==
        Errors{"hr.csv:2:16: error: surname contains \"/\", which Dropbox does not allow in names "
               "(/ : ? * < > \" |)"});
  CHECK(csv_messages(k_header + "a@acme.com,\"Amy\nLou\",,,\n") ==
        Errors{"hr.csv:2:12: error: given_name contains a control character (U+000A); remove "
               "line breaks and tabs from values"});
}

TEST_CASE("an external id over 64 characters is an error", "[csv][errors]") {
  CHECK(csv_messages(k_header + "a@acme.com,,," + std::string(65, '7') + ",\n") ==
        Errors{"hr.csv:2:14: error: external_id is 65 characters long; Dropbox allows at most 64"});
  CHECK(csv_messages(k_header + "a@acme.com,,,E\t1,\n") ==
        Errors{"hr.csv:2:14: error: external_id contains a control character (U+0009); remove "
               "line breaks and tabs from values"});
}

TEST_CASE("an unknown state is an error", "[csv][errors]") {
  CHECK(csv_messages(k_header + "a@acme.com,,,,terminated\n") ==
        Errors{"hr.csv:2:15: error: unknown state \"terminated\" (expected active, suspended or "
               "removed)"});
}

TEST_CASE("text that is not UTF-8 is an error", "[csv][errors]") {
  // "Zoë" as Windows-1252 writes it.
  CHECK(csv_messages(k_header + "z@acme.com,Zo\xEB,,,\n") ==
        Errors{"hr.csv:2:12: error: given_name is not valid UTF-8 (export the file as UTF-8 "
               "CSV)"});
}

TEST_CASE("every error in a file is reported, in file order", "[csv][errors]") {
  auto errors = csv_messages(
      "email,given_name,surname,external_id,state,stat\n"
      "amy@acme.com,Amy,,E1,,x\n"
      "bob@acme,Bob,,E2,,x\n"
      "\"Amy@acme.com\",A*y,,E3,gone,x\n"
      "carol@acme.com,Carol,,E1,,x\n"
      "dan@acme.com,Dan\n"
      "eve@acme.com,\"Eve,,,,x\n");
  CHECK(errors ==
        Errors{"hr.csv:1:44: error: unknown column \"stat\" (did you mean \"state\"?)",
               "hr.csv:3:1: error: invalid email \"bob@acme\" (Dropbox expects name@domain.tld)",
               "hr.csv:4:1: error: duplicate member \"amy@acme.com\" (first listed at hr.csv:2:1)",
               "hr.csv:4:16: error: given_name contains \"*\", which Dropbox does not allow in "
               "names (/ : ? * < > \" |)",
               "hr.csv:4:24: error: unknown state \"gone\" (expected active, suspended or "
               "removed)",
               "hr.csv:5:23: error: duplicate external_id \"E1\" (also amy@acme.com at "
               "hr.csv:2:19)",
               "hr.csv:6:1: error: row has 2 fields but the header row has 6",
               "hr.csv:7:14: error: unterminated quoted field: the quote opened here is never "
               "closed"});
  auto imported = test::import_text("email\nbad\nok@acme.com\n");
  CHECK(imported.diagnostics.error_count() == 1);
  CHECK(imported.members.size() == 1);  // incomplete: rows with errors are left out
}
