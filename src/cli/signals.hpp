#pragma once

#include <mutex>

#include "roster/cli/run.hpp"
#include "roster/core/stop.hpp"

namespace roster::cli {

/// Turns SIGINT and SIGTERM into a stop of the apply in progress. Started first thing in
/// main(), before any other thread exists, so that every thread blocks both signals and
/// one thread receives them (sigwait). With no run armed, a signal ends the process at
/// once: nothing has been written to the team yet. With one armed (while steps execute),
/// the first signal asks it to stop (steps in flight finish or fail, the rest are
/// skipped, exit 4) and a second ends the process at once (the journal is valid up to
/// its last line). Signals are process-wide, so there is one relay per process.
class SignalRelay {
 public:
  /// Blocks SIGINT and SIGTERM in the calling thread (inherited by threads it starts)
  /// and starts the thread that waits for them. Call once, before any thread exists.
  static SignalRelay& start();

  void arm(core::RunStop& stop);
  void disarm();

 private:
  SignalRelay() = default;
  [[noreturn]] void run();

  std::mutex m_mutex;
  core::RunStop* m_armed = nullptr;
  int m_received = 0;
};

/// Arms the relay (if any) for the lifetime of this object.
class ArmedSignals {
 public:
  ArmedSignals(SignalRelay* relay, core::RunStop& stop) : m_relay(relay) {
    if (m_relay != nullptr) m_relay->arm(stop);
  }
  ~ArmedSignals() {
    if (m_relay != nullptr) m_relay->disarm();
  }
  ArmedSignals(const ArmedSignals&) = delete;
  ArmedSignals& operator=(const ArmedSignals&) = delete;

 private:
  SignalRelay* m_relay;
};

}  // namespace roster::cli
