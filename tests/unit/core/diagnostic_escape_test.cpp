#include <catch2/catch.hpp>

#include "roster/core/diagnostic.hpp"

using namespace roster;

// Found by fuzzing the manifest loader: a multi-line YAML scalar quoted in a message
// split the diagnostic over two lines.
TEST_CASE("a diagnostic stays one printable line whatever user text it quotes", "[core]") {
  core::Diagnostics diagnostics;
  diagnostics.error({"team.yaml", 2, 10},
                    "\"members\" must be a list, found \"first\nsecond\r\tthird \x1b[31mred\x7f\"");
  diagnostics.warning({"team.yaml", 3, 1}, "plain text is kept as it is: \"caf\xc3\xa9\"");
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(core::format_diagnostic(diagnostics.items()[0]) ==
        "team.yaml:2:10: error: \"members\" must be a list, found "
        "\"first\\nsecond\\r\\tthird \\x1b[31mred\\x7f\"");
  CHECK(diagnostics.items()[1].message == "plain text is kept as it is: \"caf\xc3\xa9\"");
}
