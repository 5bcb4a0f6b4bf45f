#include <catch2/catch.hpp>

#include "roster/core/diagnostic.hpp"

using namespace roster::core;

namespace {

std::vector<std::string> lines(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items())
    out.push_back(format_diagnostic(item));
  return out;
}

}  // namespace

TEST_CASE("diagnostics come out ordered by file, line and column, stable", "[core][diagnostic]") {
  Diagnostics d;
  d.error({"b.yaml", 1, 1}, "b");
  d.error({"a.yaml", 2, 5}, "second");
  d.warning({"a.yaml", 2, 5}, "same place, later");
  d.error({"a.yaml", 1, 9}, "first");
  CHECK(lines(d) ==
        std::vector<std::string>{"a.yaml:1:9: error: first", "a.yaml:2:5: error: second",
                                 "a.yaml:2:5: warning: same place, later", "b.yaml:1:1: error: b"});
  CHECK(d.error_count() == 3);
  CHECK(d.warning_count() == 1);
  CHECK(format_omitted(d).empty());
}

TEST_CASE("only the first 100 by position are kept, all are counted", "[core][diagnostic]") {
  Diagnostics d;
  // Reported in reverse order: the kept ones must still be the first by position.
  for (std::uint32_t line = 250; line >= 1; --line)
    d.error({"team.yaml", line, 1}, "problem " + std::to_string(line));
  d.warning({"team.yaml", 300, 1}, "late warning");
  REQUIRE(d.items().size() == Diagnostics::k_max_kept);
  CHECK(d.items().front().message == "problem 1");
  CHECK(d.items().back().message == "problem 100");
  CHECK(d.error_count() == 250);
  CHECK(d.warning_count() == 1);
  CHECK(d.omitted_errors() == 150);
  CHECK(d.omitted_warnings() == 1);
  CHECK(format_omitted(d) == "... and 150 more errors and 1 more warning");
  CHECK(d.has_errors());
  CHECK_FALSE(d.empty());
}

TEST_CASE("the omitted line names errors and warnings in the singular and plural",
          "[core][diagnostic]") {
  Diagnostics errors;
  for (std::uint32_t i = 1; i <= 101; ++i)
    errors.error({"f", i, 1}, "e");
  CHECK(format_omitted(errors) == "... and 1 more error");
  Diagnostics warnings;
  for (std::uint32_t i = 1; i <= 103; ++i)
    warnings.warning({"f", i, 1}, "w");
  CHECK(format_omitted(warnings) == "... and 3 more warnings");
  CHECK_FALSE(warnings.has_errors());
}

TEST_CASE("appending keeps the first 100 of both and adds the counts", "[core][diagnostic]") {
  Diagnostics a;
  Diagnostics b;
  for (std::uint32_t i = 0; i < 120; ++i) {
    a.error({"a.yaml", i + 1, 1}, "a");
    b.error({"0.yaml", i + 1, 1}, "b");
  }
  a.append(b);
  CHECK(a.error_count() == 240);
  CHECK(a.items().size() == 100);
  CHECK(a.items().back().location.file == "0.yaml");
  CHECK(format_omitted(a) == "... and 140 more errors");
}

TEST_CASE("excerpt keeps short text and cuts long text at a character", "[core][diagnostic]") {
  CHECK(excerpt("short") == "short");
  CHECK(excerpt(std::string(64, 'x')) == std::string(64, 'x'));
  CHECK(excerpt(std::string(1000000, 'x')) == std::string(60, 'x') + "...");
  // 59 ASCII bytes, then "é" (2 bytes) would straddle byte 60: it is left out whole.
  CHECK(excerpt(std::string(59, 'x') + "\xc3\xa9" + std::string(10, 'y')) ==
        std::string(59, 'x') + "...");
}
