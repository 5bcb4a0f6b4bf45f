#pragma once

#include <cstdint>
#include <memory>

#include "roster/emulator/result.hpp"
#include "server/http_types.hpp"
#include "server/server_limits.hpp"

namespace roster::emulator {

struct TlsContext;

/// Where and how to listen: always 127.0.0.1; HTTPS when `tls` is set.
struct ServerOptions {
  std::uint16_t port = 0;           // 0: any free port
  std::shared_ptr<TlsContext> tls;  // from load_tls_context()
  ServerLimits limits;
};

/// An HTTP/1.1 server on 127.0.0.1 (Boost.Beast; decision 0101), optionally over TLS:
/// one thread per connection, at most ServerLimits::max_connections of them (decision
/// 0106), keep-alive, read and write deadlines, and faithful execution of
/// HttpResponse::drop_connection and ::delay. It only forwards requests to the handler.
class HttpServer {
 public:
  using Handler = HttpHandler;

  /// Binds and starts serving. Errors: port in use (unavailable).
  static Result<std::unique_ptr<HttpServer>> listen(const ServerOptions& options,
                                                          Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  [[nodiscard]] std::uint16_t port() const noexcept;
  [[nodiscard]] bool is_tls() const noexcept;
  /// Stops accepting, closes every connection and joins all threads. Idempotent.
  void stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace roster::emulator
