#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "roster/core/result.hpp"
#include "server/http_types.hpp"

namespace roster::emulator {

/// An HTTP/1.1 server on 127.0.0.1 (Boost.Beast; decision 0101): one thread per
/// connection, keep-alive, and faithful execution of HttpResponse::drop_connection and
/// ::delay. It only forwards requests to the handler.
class HttpServer {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;

  /// Binds 127.0.0.1:`port` (0 = any free port) and starts serving.
  static core::Result<std::unique_ptr<HttpServer>> listen(std::uint16_t port, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  [[nodiscard]] std::uint16_t port() const noexcept;
  /// Stops accepting, closes every connection and joins all threads. Idempotent.
  void stop();

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace roster::emulator
