#pragma once

#include <string>

#include "roster/core/result.hpp"

namespace roster::core {

/// The whole content of a file. The error message is the system's reason
/// ("No such file or directory"), without the path: callers add context.
[[nodiscard]] Result<std::string> read_file(const std::string& path);

/// Writes `content` to `path` atomically: a temporary file beside it, fsync, rename.
[[nodiscard]] Result<void> write_file_atomically(const std::string& path,
                                                 const std::string& content);

}  // namespace roster::core
