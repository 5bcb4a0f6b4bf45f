#pragma once

#include <chrono>
#include <mutex>
#include <optional>

namespace roster::emulator {

/// One connection's current deadline. The connection sets it around each blocking read or
/// write; the server's watchdog expires it and then shuts the socket down, which wakes
/// the blocked call. Thread-safe.
class Deadline {
 public:
  using Clock = std::chrono::steady_clock;
  /// While reading, only the read side is shut (a timeout can still be answered); while
  /// writing, both.
  enum class Shut { read, both };

  void set(std::chrono::milliseconds budget, Shut shut);
  void clear();
  /// Watchdog: what to shut when the deadline passed (once per expiry), else nullopt.
  [[nodiscard]] std::optional<Shut> expire(Clock::time_point now);
  /// True once a deadline expired; the connection must then end.
  [[nodiscard]] bool has_expired() const;

 private:
  mutable std::mutex m_mutex;
  std::optional<Clock::time_point> m_at;
  Shut m_shut = Shut::read;
  bool m_expired = false;
};

}  // namespace roster::emulator
