#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <stop_token>

#include "roster/core/clock.hpp"

namespace roster::core {

/// Why a run ended before its work was done.
enum class StopReason {
  timeout,      // the run's deadline passed (apply --timeout)
  interrupted,  // someone asked it to stop (SIGINT, SIGTERM)
  refused,      // the API refused the token (401): every later request would fail too
};

/// "timeout", "interrupted" or "token_refused" (journal and JSON spelling).
[[nodiscard]] const char* to_string(StopReason reason) noexcept;

/// Why a call was not (re)sent, for messages ("the run's time limit (--timeout) was
/// reached", "roster was interrupted", ...).
[[nodiscard]] const char* describe(StopReason reason) noexcept;

/// Every wait of one run goes through here, so that they all end together: at the run's
/// deadline, or as soon as any thread asks (a signal). A wait that was cut short returns
/// false, and every later one returns false at once. Thread-safe.
class RunStop {
 public:
  explicit RunStop(Clock& clock) : m_clock(clock) {}

  [[nodiscard]] Clock& clock() noexcept { return m_clock; }
  void set_deadline(Clock::time_point deadline);
  [[nodiscard]] std::optional<Clock::time_point> deadline() const;

  /// Asks the run to stop and wakes every wait; the first reason given is the one kept.
  void request(StopReason reason);
  /// Why the run must stop (a request, or the deadline has passed); nullopt while it may go on.
  [[nodiscard]] std::optional<StopReason> reason();
  /// Sleeps for `duration`, cut short by the deadline or a request. False when the run
  /// must stop.
  bool sleep_for(std::chrono::milliseconds duration);
  /// Requested together with request() (and once reason() has seen the deadline pass),
  /// for waits outside the clock, such as an HTTP request in flight.
  [[nodiscard]] std::stop_token token() const noexcept { return m_source.get_token(); }

 private:
  Clock& m_clock;
  mutable std::mutex m_mutex;
  std::optional<Clock::time_point> m_deadline;
  std::optional<StopReason> m_reason;
  std::stop_source m_source;
};

}  // namespace roster::core
