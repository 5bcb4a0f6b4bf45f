#include "signals.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <string_view>
#include <thread>

namespace roster::cli {

namespace {

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

void say(std::string_view text) {
  (void)!::write(STDERR_FILENO, text.data(), text.size());
}

}  // namespace

SignalRelay& SignalRelay::start() {
  static SignalRelay* relay = [] {
    sigset_t set = stop_signals();
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    auto* made = new SignalRelay();  // lives as long as the process: its thread uses it
    std::thread([made] { made->run(); }).detach();
    return made;
  }();
  return *relay;
}

void SignalRelay::arm(core::RunStop& stop) {
  std::lock_guard lock(m_mutex);
  m_armed = &stop;
}

void SignalRelay::disarm() {
  std::lock_guard lock(m_mutex);
  m_armed = nullptr;
}

void SignalRelay::run() {
  sigset_t set = stop_signals();
  while (true) {
    int signal = 0;
    if (::sigwait(&set, &signal) != 0) continue;
    std::lock_guard lock(m_mutex);
    if (m_armed == nullptr) {
      say("roster: interrupted (nothing was changed)\n");
      ::_exit(128 + signal);
    }
    if (++m_received > 1) {
      say("roster: interrupted again: stopping now; the journal is complete up to its last line\n");
      ::_exit(128 + signal);
    }
    say("roster: interrupted: finishing the steps in flight, not starting others "
        "(interrupt again to stop at once)\n");
    m_armed->request(core::StopReason::interrupted);
  }
}

}  // namespace roster::cli
