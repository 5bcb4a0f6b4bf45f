#include <catch2/catch.hpp>

#include <string>

#include "roster/core/text_position.hpp"

using roster::core::position_of;
using roster::core::TextCursor;

namespace {

std::string at(TextCursor& cursor, std::size_t offset) {
  auto p = cursor.at(offset);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

}  // namespace

TEST_CASE("positions count lines from 1 and columns in code points", "[core][position]") {
  std::string text =
      "ab\nc\xc3\xa9"
      "d\n\nx";  // "é" is two bytes, one column
  TextCursor c(text);
  CHECK(at(c, 0) == "1:1");
  CHECK(at(c, 2) == "1:3");
  CHECK(at(c, 3) == "2:1");
  CHECK(at(c, 6) == "2:3");  // the "d" after "é"
  CHECK(at(c, 8) == "3:1");
  CHECK(at(c, 9) == "4:1");
  CHECK(at(c, 999) == "4:2");  // clamped to the end
  // Backwards, across lines and within one.
  CHECK(at(c, 6) == "2:3");
  CHECK(at(c, 1) == "1:2");
  CHECK(at(c, 4) == "2:2");
  CHECK(position_of(text, 6).column == 3);
}

TEST_CASE("lookups in document order scan each byte once", "[core][position]") {
  // One long line (a minified snapshot) and many short lines: both stay linear.
  for (std::string text : {std::string(200000, 'x'), std::string(200000, '\n')}) {
    TextCursor cursor(text);
    for (std::size_t offset = 0; offset < text.size(); offset += 100) {
      auto p = cursor.at(offset);
      auto naive = position_of(text, offset);
      REQUIRE(p.line == naive.line);
      REQUIRE(p.column == naive.column);
    }
    CHECK(cursor.bytes_scanned() < text.size());
  }
}

TEST_CASE("a step backwards costs the distance and the line, not the prefix", "[core][position]") {
  std::string text = std::string(100000, '\n') + "abc\ndef";
  TextCursor cursor(text);
  CHECK(at(cursor, text.size() - 1) == "100002:3");
  auto before = cursor.bytes_scanned();
  CHECK(at(cursor, text.size() - 6) == "100001:2");
  CHECK(cursor.bytes_scanned() - before == 6);  // 5 bytes back, 1 to the start of "abc"
}
