// Baseline: yaml-cpp's YAML::LoadFile plus a walk over every member, on the same file
// roster plans from. Prints the member count so the walk cannot be optimised away.
#include <yaml-cpp/yaml.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) return 1;
  YAML::Node root = YAML::LoadFile(argv[1]);
  std::size_t n = 0, chars = 0;
  for (const auto& member : root["members"]) {
    ++n;
    chars += member["email"].as<std::string>().size();
  }
  std::printf("%zu members, %zu email characters\n", n, chars);
  return 0;
}
