#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "roster/core/file.hpp"

using namespace roster::core;
namespace fs = std::filesystem;

namespace {

// A file holding `content`, removed at the end of the test.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& content)
      : m_path(fs::temp_directory_path() / ("roster-append-" + std::to_string(::getpid()))) {
    std::ofstream(m_path, std::ios::binary) << content;
  }
  ~ScratchFile() { fs::remove(m_path); }
  [[nodiscard]] std::string path() const { return m_path.string(); }

 private:
  fs::path m_path;
};

std::string append_to(const std::string& content, const std::string& line) {
  ScratchFile file(content);
  auto appender = AppendFile::open(file.path());
  REQUIRE(appender);
  REQUIRE((*appender)->append_line(line));
  auto text = read_file(file.path());
  REQUIRE(text);
  return *text;
}

}  // namespace

TEST_CASE("AppendFile appends whole lines after the complete ones", "[file]") {
  CHECK(append_to("", "one") == "one\n");
  CHECK(append_to("one\n", "two") == "one\ntwo\n");
}

// A writer SIGKILLed inside write(2) can leave part of a line (the kernel stops between
// pages): found by the chaos run (tests/chaos), where the next apply's first journal line
// was glued to the fragment and could not be parsed.
TEST_CASE("AppendFile drops an incomplete last line left by a writer that died mid-write",
          "[file]") {
  CHECK(append_to("{\"event\":\"a\"}\n{\"time\":\"2026-11-30", "{\"event\":\"b\"}") ==
        "{\"event\":\"a\"}\n{\"event\":\"b\"}\n");
  CHECK(append_to("{\"time\":\"2026", "{\"event\":\"b\"}") == "{\"event\":\"b\"}\n");
  std::string long_fragment(10000, 'x');
  CHECK(append_to("first\n" + std::string(5000, 'y') + "\n" + long_fragment, "next") ==
        "first\n" + std::string(5000, 'y') + "\nnext\n");
}

TEST_CASE("AppendFile appends a batch of lines in order, each whole", "[file]") {
  ScratchFile file("zero\n");
  auto appender = AppendFile::open(file.path());
  REQUIRE(appender);
  REQUIRE((*appender)->append_lines({"one", "two", "three"}));
  REQUIRE((*appender)->append_lines({}));
  auto text = read_file(file.path());
  REQUIRE(text);
  CHECK(*text == "zero\none\ntwo\nthree\n");
}
