#include "roster/core/file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace roster::core {

namespace {

Error system_error(const char* what) {
  return make_error(ErrorKind::invalid_input, std::string(what) + std::strerror(errno));
}

class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  ~Fd() {
    if (m_fd >= 0) ::close(m_fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return m_fd; }
  int release() { return std::exchange(m_fd, -1); }

 private:
  int m_fd;
};

// flock(2) held for a scope (released by the kernel, too, if the process dies).
class FileLock {
 public:
  FileLock(int fd, int operation) : m_fd(fd), m_held(::flock(fd, operation) == 0) {}
  ~FileLock() {
    if (m_held) ::flock(m_fd, LOCK_UN);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  [[nodiscard]] bool held() const { return m_held; }

 private:
  int m_fd;
  bool m_held;
};

}  // namespace

Result<std::string> read_file(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return system_error("");
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return system_error("");
  if (S_ISDIR(st.st_mode)) return make_error(ErrorKind::invalid_input, "is a directory");
  std::string content;
  if (S_ISREG(st.st_mode)) content.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_error("");
    if (n == 0) break;
    content.append(buffer, static_cast<std::size_t>(n));
  }
  return content;
}

Result<void> write_file_atomically(const std::string& path, const std::string& content) {
  std::string temp = path + ".tmp." + std::to_string(::getpid());
  Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
  if (fd.get() < 0) return system_error("cannot create temporary file: ");
  std::size_t written = 0;
  while (written < content.size()) {
    ssize_t n = ::write(fd.get(), content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::unlink(temp.c_str());
      return system_error("cannot write: ");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0 || ::close(fd.release()) != 0) {
    ::unlink(temp.c_str());
    return system_error("cannot flush: ");
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return system_error("cannot rename into place: ");
  }
  return {};
}

namespace {

// A writer killed inside write(2) may leave part of a line: the kernel stops between pages
// on SIGKILL. That line was never complete nor fsync'd, so it is dropped, and the next line
// starts on a line of its own. The caller holds an exclusive lock: no live writer is
// inside a write.
Result<void> drop_incomplete_line(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return system_error("");
  if (!S_ISREG(st.st_mode)) return {};  // e.g. /dev/stderr: nothing to repair
  char buffer[4096];
  for (off_t end = st.st_size; end > 0;) {
    off_t start = std::max<off_t>(0, end - static_cast<off_t>(sizeof buffer));
    ssize_t n = ::pread(fd, buffer, static_cast<std::size_t>(end - start), start);
    if (n != end - start) return system_error("cannot read: ");
    for (off_t i = end - start; i > 0; --i) {
      if (buffer[i - 1] != '\n') continue;
      if (start + i == st.st_size) return {};  // ends with a whole line
      return ::ftruncate(fd, start + i) == 0 ? Result<void>() : system_error("cannot repair: ");
    }
    end = start;
  }
  return ::ftruncate(fd, 0) == 0 ? Result<void>() : system_error("cannot repair: ");
}

}  // namespace

Result<std::unique_ptr<AppendFile>> AppendFile::open(const std::string& path) {
  Fd fd(::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600));
  if (fd.get() < 0) return system_error("");
  {
    FileLock exclusive(fd.get(), LOCK_EX);
    if (!exclusive.held()) return system_error("cannot lock: ");
    if (auto repaired = drop_incomplete_line(fd.get()); !repaired) return repaired.error();
  }
  return std::unique_ptr<AppendFile>(new AppendFile(fd.release()));
}

AppendFile::~AppendFile() {
  ::close(m_fd);
}

Result<void> AppendFile::append_line(const std::string& line) {
  return append_lines({line});
}

Result<void> AppendFile::append_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines)
    text += line + '\n';
  std::lock_guard lock(m_mutex);
  {
    // One write per call: with O_APPEND, concurrent writers never interleave inside it.
    // The shared lock keeps another process's open() from taking a line being written
    // for a fragment (drop_incomplete_line).
    FileLock shared(m_fd, LOCK_SH);
    if (!shared.held()) return system_error("cannot lock: ");
    std::size_t written = 0;
    while (written < text.size()) {
      ssize_t n = ::write(m_fd, text.data() + written, text.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return system_error("cannot write: ");
      written += static_cast<std::size_t>(n);
    }
  }
  if (::fsync(m_fd) != 0) return system_error("cannot flush: ");
  return {};
}

}  // namespace roster::core
