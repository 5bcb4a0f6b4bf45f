#pragma once

#include <string>

namespace roster::test {

/// Compares `actual` with tests/golden/<name> byte for byte. With UPDATE_GOLDEN=1 in
/// the environment it rewrites the file instead, for a reviewer to read in the diff.
/// Returns an empty string on a match, else a description of the first difference.
std::string compare_golden(const std::string& name, const std::string& actual);

/// Absolute path of a file under the source tree's tests/ folder.
std::string test_path(const std::string& relative);

}  // namespace roster::test
