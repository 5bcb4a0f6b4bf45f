// The loader will be fuzzed: no input may crash it. These cases mutate a valid
// manifest at random (fixed seed) and feed hostile shapes; every run must end in
// either a valid team or at least one located error.
#include <catch2/catch.hpp>

#include <random>

#include "support/mutate.hpp"

#include "manifest_test_support.hpp"
#include "roster/core/file.hpp"
#include "support/golden.hpp"

using namespace roster;

TEST_CASE("randomly mutated manifests never crash the loader", "[manifest][robustness]") {
  auto original = core::read_file(test::test_path("../manifests/example.yaml"));
  REQUIRE(original);
  std::mt19937 random(20261126);
  const std::string alphabet = ":-[]{}&*!|>'\"#%@ \n\t,?x1";
  for (int round = 0; round < 3000; ++round) {
    std::string text = test::mutate(*original, random, alphabet);
    auto loaded = test::load_text(text);
    for (const auto& d : loaded.diagnostics.items()) {
      REQUIRE(d.location.file == "team.yaml");
      REQUIRE(d.location.line >= 1);
    }
  }
}

TEST_CASE("hostile YAML shapes are errors, not crashes", "[manifest][robustness]") {
  const std::vector<std::string> inputs = {
      std::string(20000, '['),
      std::string(20000, '{'),
      "version: 1\nmembers: *nowhere\n",
      "a: &a [*a]\n",
      "version: 1\nmembers: &m\n  - email: a@acme.com\n  - *m\n",
      "? [complex, key]\n: value\n",
      "version: !!binary AAAA\n",
      "version: 1\nmembers:\n  - email: !!str a@acme.com\n    send_welcome_email: !!bool true\n",
      "\xef\xbb\xbfversion: 1\n",
      std::string("version: 1\0members: []\n", 24),
      "%YAML 1.1\n---\nversion: 1\n",
      "version: 1\n<<: {members: []}\n",
  };
  for (const auto& text : inputs) {
    auto loaded = test::load_text(text);
    CHECK((loaded.diagnostics.has_errors() || loaded.team.members.empty()));
  }
}

TEST_CASE("a billion-laughs alias bomb stays bounded", "[manifest][robustness]") {
  std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c, ++prev) {
    text += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i)
      text += std::string(i ? ", " : "") + "*" + prev;
    text += "]\n";
  }
  text += "version: 1\nmembers: *j\n";
  auto loaded = test::load_text(text);
  CHECK(loaded.diagnostics.has_errors());
}
