#pragma once

#include <random>
#include <string>

namespace roster::test {

/// `text` with 1 to 8 random edits (a character from `alphabet` replaced in, a run
/// erased, a random byte inserted, a slice duplicated), for crash-resistance tests of
/// the readers that will be fuzzed. Never returns an empty string.
inline std::string mutate(std::string text, std::mt19937& random, const std::string& alphabet) {
  if (text.empty()) text = "x";
  int edits = 1 + static_cast<int>(random() % 8);
  for (int e = 0; e < edits; ++e) {
    std::size_t at = random() % text.size();
    switch (random() % 4) {
      case 0:
        text[at] = alphabet[random() % alphabet.size()];
        break;
      case 1:
        text.erase(at, 1 + random() % 20);
        break;
      case 2:
        text.insert(at, 1, static_cast<char>(random() % 256));
        break;
      default:
        text.insert(at, text.substr(random() % text.size(), random() % 40));
        break;
    }
    if (text.empty()) text = "x";
  }
  return text;
}

}  // namespace roster::test
