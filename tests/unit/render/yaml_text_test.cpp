#include <catch2/catch.hpp>

#include <sstream>

#include "render/yaml_text.hpp"
#include "roster/manifest/load_manifest.hpp"

using namespace roster;

TEST_CASE("quoted YAML values load back byte for byte, line breaks and controls included",
          "[render]") {
  const std::vector<std::string> values = {"plain",
                                           "with \"quotes\" and \\",
                                           "tab\there",
                                           "del\x7f",
                                           "nel\xc2\x85x",
                                           "c1\xc2\x9b",
                                           "ls\xe2\x80\xa8ps\xe2\x80\xa9",
                                           "bom\xef\xbb\xbf",
                                           "Zoë Ünal",
                                           "# not a comment",
                                           "- dash",
                                           "yes",
                                           "null",
                                           "1e3"};
  for (const auto& value : values) {
    model::DesiredMember m;
    m.email = "a@acme.com";
    m.external_id = value;
    std::ostringstream text;
    text << "version: 1\nmembers:\n";
    render::write_member_yaml(m, text);
    auto loaded = manifest::load_manifest_sources({{"m.yaml", text.str()}});
    INFO(text.str());
    REQUIRE(loaded.diagnostics.empty());
    CHECK(loaded.team.members.at(0).external_id == value);
  }
  CHECK(render::yaml_quote("a\xe2\x80\xa8") == "\"a\\u2028\"");
}
