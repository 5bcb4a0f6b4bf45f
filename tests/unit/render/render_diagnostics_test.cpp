// The cap on reported problems, in every view that prints diagnostics.
#include <catch2/catch.hpp>

#include <sstream>

#include "roster/core/json.hpp"
#include "roster/render/render_diagnostics.hpp"

using namespace roster;

namespace {

core::Diagnostics many_errors(std::uint32_t count) {
  core::Diagnostics d;
  for (std::uint32_t line = 1; line <= count; ++line)
    d.error({"team.yaml", line, 3}, "member has no \"email\"");
  return d;
}

}  // namespace

TEST_CASE("human output lists the first 100 problems, then how many more", "[render][limits]") {
  std::ostringstream out;
  render::render_diagnostics(many_errors(1000000), render::Format::human, out);
  std::string text = out.str();
  CHECK(std::count(text.begin(), text.end(), '\n') == 101);
  CHECK(
      text.ends_with("\nteam.yaml:100:3: error: member has no \"email\"\n"
                     "... and 999900 more errors\n"));
  CHECK(text.find("team.yaml:101:3") == std::string::npos);
}

TEST_CASE("human output has no extra line when nothing was left out", "[render][limits]") {
  std::ostringstream out;
  render::render_diagnostics(many_errors(100), render::Format::human, out);
  std::string text = out.str();
  CHECK(std::count(text.begin(), text.end(), '\n') == 100);
  CHECK(text.find("more error") == std::string::npos);
}

TEST_CASE("validation JSON lists the first 100 and counts every problem", "[render][limits]") {
  std::ostringstream out;
  render::render_validation_json(many_errors(250), 0, {"team.yaml"}, out);
  core::json::Value doc;
  std::string error;
  REQUIRE(core::json::parse(out.str(), doc, error));
  CHECK(doc.find("error_count")->as_number() == 250);
  CHECK(doc.find("warning_count")->as_number() == 0);
  CHECK(doc.find("omitted")->as_number() == 150);
  const auto& listed = doc.find("diagnostics")->as_array();
  REQUIRE(listed.size() == 100);
  CHECK(listed.back().find("line")->as_number() == 100);
}
