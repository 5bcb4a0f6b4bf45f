#include "roster/core/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

Result<std::unique_ptr<AppendFile>> AppendFile::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return system_error("");
  return std::unique_ptr<AppendFile>(new AppendFile(fd));
}

AppendFile::~AppendFile() {
  ::close(m_fd);
}

Result<void> AppendFile::append_line(const std::string& line) {
  std::string text = line + '\n';
  std::lock_guard lock(m_mutex);
  // One write per line: with O_APPEND, concurrent writers never interleave inside it.
  std::size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(m_fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return system_error("cannot write: ");
    written += static_cast<std::size_t>(n);
  }
  if (::fsync(m_fd) != 0) return system_error("cannot flush: ");
  return {};
}

}  // namespace roster::core
