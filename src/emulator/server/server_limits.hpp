#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace roster::emulator {

/// What one client may hold of the server (docs/decisions/0106-emulator-server-limits.md).
struct ServerLimits {
  /// From when a connection is ready for a request (and for the TLS handshake) until its
  /// headers are complete; idle keep-alive connections are closed after it.
  std::chrono::milliseconds header_timeout{10'000};
  /// To receive a request's body once its headers are in; also to write a response.
  std::chrono::milliseconds body_timeout{60'000};
  /// Connections served at once; the next ones get 503 (a few at a time) or are closed.
  std::size_t max_connections = 256;
  /// Larger bodies get 413 without being read.
  std::uint64_t max_body_bytes = std::uint64_t{64} << 20;
};

}  // namespace roster::emulator
