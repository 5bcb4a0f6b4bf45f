#include "persistence/state_journal.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "persistence/state_codec.hpp"

namespace roster::emulator {

namespace {

// Compact once the journal outgrows the snapshot (and at least this size), so that
// journal replay never costs more than reading the snapshot twice.
constexpr std::uint64_t k_min_journal_bytes = 8U << 20;

Error io_error(const std::string& what, const std::string& path) {
  return make_error(ErrorKind::internal,
                          what + " " + path + ": " + std::strerror(errno));
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const auto written = ::write(fd, data.data(), data.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

bool sync_directory(const std::string& path) {
  const int fd = ::open(directory_of(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

std::string journal_path(const std::string& state_path) {
  return state_path + ".journal";
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) return io_error("cannot read", path);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

Result<std::unique_ptr<StateJournal>> StateJournal::open(const std::string& state_path) {
  const auto path = journal_path(state_path);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return io_error("cannot open", path);
  return std::unique_ptr<StateJournal>(new StateJournal(state_path, fd));
}

StateJournal::StateJournal(std::string state_path, int fd)
    : m_state_path(std::move(state_path)), m_fd(fd) {}

StateJournal::~StateJournal() {
  ::close(m_fd);
}

std::uint64_t StateJournal::append(std::string_view record) {
  std::string line(record);
  line += '\n';
  if (!write_all(m_fd, line)) return 0;
  m_journal_bytes += line.size();
  return ++m_written;
}

bool StateJournal::sync_through(std::uint64_t ticket) {
  if (m_synced.load() >= ticket) return true;
  std::lock_guard lock(m_sync_mutex);
  if (m_synced.load() >= ticket) return true;  // another writer's sync covered us
  const auto target = m_written.load();
  if (::fdatasync(m_fd) != 0) return false;
  m_synced.store(std::max(m_synced.load(), target));
  return true;
}

bool StateJournal::wants_snapshot() const {
  return m_journal_bytes > std::max(k_min_journal_bytes, m_snapshot_bytes);
}

bool StateJournal::write_snapshot(const std::string& document) {
  const auto temp = m_state_path + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const bool written = write_all(fd, document) && ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(temp.c_str(), m_state_path.c_str()) != 0 ||
      !sync_directory(m_state_path)) {
    return false;
  }
  // The snapshot holds every journalled change now. A crash before the truncation is
  // harmless: replaying full-record upserts onto the snapshot gives the same state.
  if (::ftruncate(m_fd, 0) != 0 || ::fsync(m_fd) != 0) return false;
  m_journal_bytes = 0;
  m_snapshot_bytes = document.size();
  m_synced.store(m_written.load());
  return true;
}

Result<TeamState> load_saved_state(const std::string& state_path, UnixSeconds now) {
  struct stat info {};
  if (::stat(state_path.c_str(), &info) != 0) {
    return make_error(ErrorKind::not_found, "no state file " + state_path);
  }
  auto text = read_file(state_path);
  if (!text) return text.error();
  auto state = decode_state(*text, now);
  if (!state) {
    auto error = state.error();
    error.message = state_path + ": " + error.message;
    return error;
  }
  auto journal = read_file(journal_path(state_path));
  if (!journal) return std::move(*state);  // no journal yet
  JournalReplay replay(*state);
  std::string_view rest = *journal;
  std::size_t line_number = 0;
  while (!rest.empty()) {
    ++line_number;
    const auto end = rest.find('\n');
    if (end == std::string_view::npos) {
      // A record without its newline was being written when the process died; its
      // change was never acknowledged, so it is dropped.
      std::cerr << "roster-emulator: dropped an incomplete journal record\n";
      break;
    }
    if (auto applied = replay.apply(rest.substr(0, end)); !applied) {
      auto error = applied.error();
      error.message =
          journal_path(state_path) + ":" + std::to_string(line_number) + ": " + error.message;
      return error;
    }
    rest.remove_prefix(end + 1);
  }
  return std::move(*state);
}

}  // namespace roster::emulator
