#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>
#include <stop_token>

namespace roster::dropbox {

/// Bounds the requests in flight across every thread using one client (--parallelism).
/// A Slot gives its place back when it goes out of scope, on every path: an early
/// return or an exception cannot leak one and starve the run.
class RequestSlots {
 public:
  class Slot {
   public:
    explicit Slot(RequestSlots& owner) : m_owner(&owner) {}
    Slot(Slot&& other) noexcept : m_owner(other.m_owner) { other.m_owner = nullptr; }
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (m_owner != nullptr) m_owner->release();
    }

   private:
    RequestSlots* m_owner;
  };

  explicit RequestSlots(int count) : m_free(count < 1 ? 1 : count) {}

  /// Waits for a free slot; nullopt when `stop` is requested first.
  [[nodiscard]] std::optional<Slot> acquire(std::stop_token stop = {}) {
    std::unique_lock lock(m_mutex);
    if (!m_freed.wait(lock, stop, [this] { return m_free > 0; })) return std::nullopt;
    --m_free;
    return std::optional<Slot>(std::in_place, *this);
  }

  [[nodiscard]] int available() {
    std::lock_guard lock(m_mutex);
    return m_free;
  }

 private:
  void release() {
    {
      std::lock_guard lock(m_mutex);
      ++m_free;
    }
    m_freed.notify_one();
  }

  std::mutex m_mutex;
  std::condition_variable_any m_freed;
  int m_free;
};

}  // namespace roster::dropbox
