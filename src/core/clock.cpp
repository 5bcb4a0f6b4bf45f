#include "roster/core/clock.hpp"

#include <condition_variable>
#include <mutex>

namespace roster::core {

Clock::time_point SystemClock::now() {
  return std::chrono::steady_clock::now();
}

void SystemClock::sleep_for(std::chrono::milliseconds duration, std::stop_token stop) {
  if (duration.count() <= 0) return;
  // condition_variable_any wakes when `stop` is requested (C++20), unlike a plain sleep.
  std::mutex mutex;
  std::condition_variable_any wake;
  std::unique_lock lock(mutex);
  wake.wait_for(lock, stop, duration, [] { return false; });
}

}  // namespace roster::core
