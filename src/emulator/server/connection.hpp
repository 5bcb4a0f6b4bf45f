#pragma once

#include <chrono>
#include <functional>

#include <boost/asio/ip/tcp.hpp>

#include "server/deadline.hpp"
#include "server/http_types.hpp"
#include "server/server_limits.hpp"

namespace roster::emulator {

struct TlsContext;

/// What one connection needs from its server.
struct ConnectionContext {
  const HttpHandler& handler;
  const ServerLimits& limits;
  /// Set around every blocking read and write; the server's watchdog enforces it.
  Deadline& deadline;
  /// Waits `delay` (HttpResponse::delay); false when the server stopped meanwhile.
  std::function<bool(std::chrono::milliseconds)> wait;
};

/// Serves HTTP/1.1 requests on an accepted socket until the peer leaves, an exchange
/// fails, a deadline passes or the server stops; `tls` non-null: after a TLS handshake.
/// Answers on its own 400 (unreadable request), 408 (a request that did not arrive in
/// time) and 413 (body over the limit), then closes. Does not close the socket (its
/// owner does).
void serve_connection(boost::asio::ip::tcp::socket& socket, TlsContext* tls,
                      ConnectionContext& context);

}  // namespace roster::emulator
