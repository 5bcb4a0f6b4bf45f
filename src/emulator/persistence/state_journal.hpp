#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "persistence/state_sink.hpp"
#include "roster/emulator/result.hpp"
#include "store/team_state.hpp"

namespace roster::emulator {

/// Durable state: a snapshot file (`--state`, replaced atomically: temp, fsync, rename,
/// fsync directory) plus an append-only journal beside it (`<state>.journal`, one record
/// per acknowledged change, fdatasync'd before the response; concurrent writers share
/// one sync). See docs/decisions/0102-emulator-persistence.md.
class StateJournal final : public StateSink {
 public:
  /// Opens (creating if needed) the journal of `state_path` for appending.
  static Result<std::unique_ptr<StateJournal>> open(const std::string& state_path);
  ~StateJournal() override;
  StateJournal(const StateJournal&) = delete;
  StateJournal& operator=(const StateJournal&) = delete;

  std::uint64_t append(std::string_view record) override;
  bool sync_through(std::uint64_t ticket) override;
  [[nodiscard]] bool wants_snapshot() const override;
  bool write_snapshot(const std::string& document) override;

 private:
  StateJournal(std::string state_path, int fd);

  std::string m_state_path;
  int m_fd;
  std::mutex m_sync_mutex;
  std::atomic<std::uint64_t> m_written{0};
  std::atomic<std::uint64_t> m_synced{0};
  std::uint64_t m_journal_bytes = 0;
  std::uint64_t m_snapshot_bytes = 0;
};

/// The journal path that belongs to a state file.
[[nodiscard]] std::string journal_path(const std::string& state_path);

/// Loads persisted state: the snapshot at `state_path` with its journal replayed (a torn
/// last record, never acknowledged, is dropped). nullopt-like error kind `not_found` when
/// no state file exists yet.
[[nodiscard]] Result<TeamState> load_saved_state(const std::string& state_path,
                                                       UnixSeconds now);

/// Reads a whole file; error when it cannot be read.
[[nodiscard]] Result<std::string> read_file(const std::string& path);

}  // namespace roster::emulator
