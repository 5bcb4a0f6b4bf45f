#pragma once

#include <chrono>
#include <stop_token>

namespace roster::core {

/// Time as roster's waiting code sees it: retries, backoff, job polling, token expiry.
/// Tests pass a manual clock so that nothing really sleeps. Waits go through
/// core::RunStop, which bounds them by the run's deadline and wakes them on a stop.
class Clock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  [[nodiscard]] virtual time_point now() = 0;
  /// Sleeps for `duration`, or less when `stop` is requested first.
  virtual void sleep_for(std::chrono::milliseconds duration, std::stop_token stop) = 0;
};

/// The real steady clock.
class SystemClock final : public Clock {
 public:
  time_point now() override;
  void sleep_for(std::chrono::milliseconds duration, std::stop_token stop) override;
};

}  // namespace roster::core
