#include "support/golden.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace roster::test {

std::string test_path(const std::string& relative) {
  return std::string(ROSTER_SOURCE_DIR) + "/tests/" + relative;
}

std::string compare_golden(const std::string& name, const std::string& actual) {
  std::string path = test_path("golden/" + name);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return "";
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return "missing golden file " + path + " (run with UPDATE_GOLDEN=1)";
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string expected = buffer.str();
  if (expected == actual) return "";
  std::size_t line = 1, i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  auto line_at = [](const std::string& s, std::size_t pos) {
    auto start = s.rfind('\n', pos == 0 ? 0 : pos - 1);
    start = start == std::string::npos ? 0 : start + 1;
    return s.substr(start, s.find('\n', start) - start);
  };
  return "golden " + name + " differs at line " + std::to_string(line) +
         "\n  expected: " + line_at(expected, i) + "\n  actual:   " + line_at(actual, i);
}

}  // namespace roster::test
