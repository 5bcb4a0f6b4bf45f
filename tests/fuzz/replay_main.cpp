// A main() for a harness outside libFuzzer: feeds every file under the given paths
// (files or directories, recursively) to LLVMFuzzerTestOneInput once. CTest runs it over
// the committed corpus and the crash reproducers, in every build, so a finding stays fixed.
// Exit status: 0 when every input was run, 1 when a path is missing or holds no file; a
// broken property aborts.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs_under(const fs::path& path) {
  std::vector<fs::path> files;
  if (fs::is_regular_file(path)) files.push_back(path);
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void run_one(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // A copy of exactly `size` bytes, as libFuzzer passes it, so that reading past the end
  // is caught by AddressSanitizer in the sanitizer build.
  std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
  LLVMFuzzerTestOneInput(data.data(), data.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    const auto files = inputs_under(argv[i]);
    if (files.empty()) {
      std::cerr << argv[i] << ": no inputs\n";
      return 1;
    }
    for (const auto& file : files) {
      std::cerr << "replaying " << file.string() << '\n';
      run_one(file);
    }
    total += files.size();
  }
  std::cout << "replayed " << total << " inputs\n";
  return 0;
}
