#include "support/temp_dir.hpp"

#include <random>
#include <string>

namespace roster::emulator::test {

TempDir::TempDir() {
  std::random_device random;
  for (;;) {
    m_path = std::filesystem::temp_directory_path() /
             ("roster-emulator-test-" + std::to_string(random()) + std::to_string(random()));
    if (std::filesystem::create_directory(m_path)) return;
  }
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

}  // namespace roster::emulator::test
