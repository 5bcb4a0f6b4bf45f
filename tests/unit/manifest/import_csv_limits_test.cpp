// HR exports of hostile size: very wide headers, huge cells, many bad rows.
#include <catch2/catch.hpp>

#include "import_csv_test_support.hpp"

using namespace roster;
using roster::test::csv_messages;
using roster::test::import_text;
using Errors = std::vector<std::string>;

TEST_CASE("a repeated column far into a wide header names the first one", "[csv][limits]") {
  std::string header = std::string(5000, ',') + "email,Email\n";
  auto e = csv_messages(header + "\n");
  CHECK(e == Errors{"hr.csv:1:5007: error: column \"Email\" is a second email column (the first "
                    "is column 5001)"});
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
