#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "roster/core/result.hpp"

namespace roster::core {

/// The whole content of a file. The error message is the system's reason
/// ("No such file or directory"), without the path: callers add context.
[[nodiscard]] Result<std::string> read_file(const std::string& path);

/// Writes `content` to `path` atomically: a temporary file beside it, fsync, rename.
[[nodiscard]] Result<void> write_file_atomically(const std::string& path,
                                                 const std::string& content);

/// A file opened for appending whole lines durably: each append_line() writes the line
/// and fsyncs before returning, so a crash leaves every completed line intact. open()
/// drops an incomplete last line (a writer killed inside its write), so every line stays
/// whole. Thread-safe, and safe with other processes appending; closes on destruction.
class AppendFile {
 public:
  [[nodiscard]] static Result<std::unique_ptr<AppendFile>> open(const std::string& path);
  ~AppendFile();
  AppendFile(const AppendFile&) = delete;
  AppendFile& operator=(const AppendFile&) = delete;

  /// Appends `line` plus a newline, then fsyncs.
  [[nodiscard]] Result<void> append_line(const std::string& line);
  /// Appends each of `lines` plus a newline with one write and one fsync: a batch of 500
  /// lines costs one flush, not 500.
  [[nodiscard]] Result<void> append_lines(const std::vector<std::string>& lines);

 private:
  explicit AppendFile(int fd) : m_fd(fd) {}
  int m_fd;
  std::mutex m_mutex;
};

}  // namespace roster::core
