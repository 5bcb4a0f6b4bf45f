#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace roster::emulator {

/// Where acknowledged changes go before their response is sent. One real implementation
/// (StateJournal: snapshot + fsync'd journal) and one for tests (MemorySink).
class StateSink {
 public:
  virtual ~StateSink() = default;

  /// Writes one journal record (a single line). Called in change order, under the store
  /// lock. Returns a ticket for sync_through(), or 0 when the write failed.
  virtual std::uint64_t append(std::string_view record) = 0;
  /// Returns once every record up to `ticket` is durable (group commit); false on I/O failure.
  virtual bool sync_through(std::uint64_t ticket) = 0;
  /// True when the journal has grown enough that a fresh snapshot should replace it.
  [[nodiscard]] virtual bool wants_snapshot() const = 0;
  /// Durably replaces the snapshot with `document` and empties the journal.
  virtual bool write_snapshot(const std::string& document) = 0;
};

/// Keeps records in memory; for route tests that need no disk.
class MemorySink final : public StateSink {
 public:
  std::uint64_t append(std::string_view record) override {
    last_record = record;
    return ++records;
  }
  bool sync_through(std::uint64_t) override { return true; }
  [[nodiscard]] bool wants_snapshot() const override { return false; }
  bool write_snapshot(const std::string& document) override {
    last_snapshot = document;
    return true;
  }

  std::uint64_t records = 0;
  std::string last_record;
  std::string last_snapshot;
};

}  // namespace roster::emulator
