#pragma once

#include <chrono>

namespace roster::core {

/// Time as roster's waiting code sees it: retries, backoff, job polling, token expiry.
/// Tests pass a manual clock so that nothing really sleeps.
class Clock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  [[nodiscard]] virtual time_point now() = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

/// The real steady clock.
class SystemClock final : public Clock {
 public:
  time_point now() override;
  void sleep_for(std::chrono::milliseconds duration) override;
};

}  // namespace roster::core
