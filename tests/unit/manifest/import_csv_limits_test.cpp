// HR exports of hostile size: very wide headers, huge cells, many bad rows.
#include <catch2/catch.hpp>

#include "import_csv_test_support.hpp"

using namespace roster;
using roster::test::csv_messages;
using roster::test::import_text;
using Errors = std::vector<std::string>;

TEST_CASE("a repeated column far into a wide header names the first one", "[csv][limits]") {
  std::string header = std::string(900, ',') + "email,Email\n";
  auto e = csv_messages(header + "\n");
  CHECK(e == Errors{"hr.csv:1:907: error: column \"Email\" is a second email column (the first "
                    "is column 901)"});
}

TEST_CASE("a header of more than 1000 columns is refused", "[csv][limits]") {
  CHECK(csv_messages("email" + std::string(1000, ',') + "\na@acme.com\n") ==
        Errors{"hr.csv:1:1: error: the header row has 1001 columns; roster reads at most 1000 "
               "(is the first row of the file the header?)"});
  CHECK_FALSE(import_text("email" + std::string(999, ',') + "\n").diagnostics.has_errors());
}

TEST_CASE("a row of a million fields is one error where its extra fields start", "[csv][limits]") {
  std::string row = "a@acme.com";
  for (int i = 0; i < 1000000; ++i)
    row += ",x";
  CHECK(csv_messages("email,given_name\n" + row + "\n") ==
        Errors{"hr.csv:2:14: error: row has 1000001 fields but the header row has 2 (is a value "
               "with a comma not in double quotes?)"});
  // A row of commas alone is not a blank line once it has more fields than the header.
  CHECK(csv_messages("email\n,,,\n") ==
        Errors{"hr.csv:2:2: error: row has 4 fields but the header row has 1 (is a value with a "
               "comma not in double quotes?)"});
}

TEST_CASE("a huge cell is quoted in short", "[csv][limits]") {
  CHECK(csv_messages("email,state\na@acme.com," + std::string(1000000, 'z') + "\n") ==
        Errors{"hr.csv:2:12: error: unknown state \"" + std::string(60, 'z') +
               "...\" (expected active, suspended or removed)"});
}

TEST_CASE("a file of bad rows keeps the first 100 errors and counts them all", "[csv][limits]") {
  std::string text = "email\n";
  for (int i = 0; i < 5000; ++i)
    text += "not-an-email\n";
  auto imported = import_text(text);
  CHECK(imported.diagnostics.error_count() == 5000);
  REQUIRE(imported.diagnostics.items().size() == 100);
  CHECK(core::format_diagnostic(imported.diagnostics.items().back()) ==
        "hr.csv:101:1: error: invalid email \"not-an-email\" (Dropbox expects name@domain.tld)");
  CHECK(core::format_omitted(imported.diagnostics) == "... and 4900 more errors");
}
