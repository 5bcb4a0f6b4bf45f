#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace roster::emulator::test {

/// A bare TCP connection to 127.0.0.1:port, for requests no HTTP client would send:
/// partial headers, bodies that never complete, connections that never speak.
class RawSocket {
 public:
  explicit RawSocket(std::uint16_t port);
  ~RawSocket();
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  void send(const std::string& bytes);
  /// Everything the server sends until it closes the connection, waiting at most
  /// `limit`; `closed` says whether it did close in time.
  struct Received {
    std::string bytes;
    bool closed = false;
    std::chrono::milliseconds after{0};  // when the close (or the limit) came
  };
  Received read_until_closed(std::chrono::milliseconds limit);
  void close();

 private:
  int m_fd = -1;
};

/// The number of threads of this process (from /proc/self/task).
[[nodiscard]] std::size_t thread_count();

}  // namespace roster::emulator::test
