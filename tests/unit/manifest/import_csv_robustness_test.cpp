// import-csv reads files from HR systems and will be fuzzed: no input may crash it.
// Random mutations (fixed seed) of a valid export must end in located diagnostics or
// in members whose manifest text loads back unchanged.
#include <catch2/catch.hpp>

#include <random>

#include "support/mutate.hpp"

#include "import_csv_test_support.hpp"

using namespace roster;

namespace {

const std::string k_export =
    "\xEF\xBB\xBF"
    "Email,First Name,Last Name,Employee ID,State\r\n"
    "amy.smith@acme.com,Amy,\"Smith, Jr.\",E1001,active\r\n"
    "bob@acme.com,Bob,O'Brien,\"E\"\"1002\",suspended\r\n"
    "\r\n"
    "carol@acme.com,\"Carol\n\",Zo\xC3\xAB,,removed\r\n"
    "dan@acme.com,,,E1004,\r\n";

void check_located(const manifest::CsvImport& imported) {
  for (const auto& d : imported.diagnostics.items()) {
    REQUIRE(d.location.file == "hr.csv");
    REQUIRE(d.location.line >= 1);
    REQUIRE(d.location.column >= 1);
    REQUIRE(d.message.find('\n') == std::string::npos);
  }
}

// The members read must load back unchanged from their manifest text.
void check_members_round_trip(const std::vector<model::DesiredMember>& members) {
  auto text = test::members_yaml(members);
  auto loaded = manifest::load_manifest_sources({{"hr.yaml", text}});
  INFO(text);
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.team.members.size() == members.size());
  for (std::size_t i = 0; i < members.size(); ++i) {
    REQUIRE(test::same_csv_fields(loaded.team.members[i], members[i]));
  }
}

void check_round_trip(const manifest::CsvImport& imported) {
  if (!imported.diagnostics.has_errors()) check_members_round_trip(imported.members);
}

}  // namespace

TEST_CASE("randomly mutated CSV exports never crash the importer", "[csv][robustness]") {
  REQUIRE(manifest::import_csv(k_export, "hr.csv").diagnostics.empty());
  std::mt19937 random(20261127);
  const std::string alphabet = ",\"\r\n \t;@.xA1\xC3\xA9\x80\xFF";
  for (int round = 0; round < 4000; ++round) {
    std::string text = test::mutate(k_export, random, alphabet);
    auto imported = manifest::import_csv(text, "hr.csv");
    check_located(imported);
    check_round_trip(imported);
  }
}

// Values drawn from YAML's special characters and Unicode edge cases: whatever the
// importer accepts, the manifest text must carry unchanged. Each row has its own email,
// so the rows without errors are tested even when others have some.
TEST_CASE("every value the importer accepts survives the manifest text", "[csv][robustness]") {
  std::mt19937 random(20261128);
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "0",
                                           " ",
                                           "-",
                                           ":",
                                           "#",
                                           "&",
                                           "*",
                                           "!",
                                           "|",
                                           ">",
                                           "'",
                                           "\"",
                                           "%",
                                           "@",
                                           ",",
                                           "?",
                                           "[",
                                           "]",
                                           "{",
                                           "}",
                                           "\\",
                                           "~",
                                           "null",
                                           "true",
                                           "1e3",
                                           "0x1F",
                                           "---",
                                           "...",
                                           "\xC3\xA9",
                                           "\xE2\x80\xA8",
                                           "\x7F",
                                           "\t",
                                           "\n",
                                           "\xEF\xBB\xBF",
                                           "\xF0\x9F\x98\x80",
                                           "\xC2\xA0",
                                           "\xC2\x85"};
  auto random_value = [&](std::size_t max_pieces) {
    std::string value;
    for (auto n = random() % (max_pieces + 1); n > 0; --n)
      value += pieces[random() % pieces.size()];
    return value;
  };
  auto csv_quoted = [](const std::string& value) {
    std::string out = "\"";
    for (char c : value)
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::size_t accepted = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text = "email,given_name,surname,external_id,state\n";
    for (int row = 0; row < 5; ++row) {
      text += "u" + std::to_string(row) + "@acme.com," + csv_quoted(random_value(4)) + "," +
              csv_quoted(random_value(4)) + "," +
              csv_quoted(std::to_string(row) + random_value(6)) + "," +
              (row % 2 ? "Suspended" : "") + "\n";
    }
    auto imported = manifest::import_csv(text, "hr.csv");
    check_located(imported);
    check_members_round_trip(imported.members);
    accepted += imported.members.size();
  }
  CHECK(accepted > 1000);  // the property was tested, not skipped
}

TEST_CASE("hostile CSV shapes are errors, not crashes", "[csv][robustness]") {
  const std::vector<std::string> inputs = {
      std::string(100000, '"'),
      std::string(100000, ','),
      "email\n" + std::string(100000, '\r'),
      "email\n\"" + std::string(100000, 'x'),
      std::string("email\0,given_name\n\0,\0\n", 22),
      "\xEF\xBB",
      "\xEF\xBB\xBF\xEF\xBB\xBF"
      "email\n",
      "email\na@acme.com\xC3",
      "email,given_name\na@acme.com,\"\xF4\x90\x80\x80\"\n",
      "email,given_name\na@acme.com,\"\xED\xA0\x80\"\n",
      "email,given_name\na@acme.com,\xE2\x80\xA8\n",
      "\"\"\"\n\"\"\"\"\n",
  };
  for (const auto& text : inputs) {
    auto imported = manifest::import_csv(text, "hr.csv");
    check_located(imported);
    CHECK((imported.diagnostics.has_errors() || imported.members.empty()));
  }
}
