#pragma once

#include <chrono>
#include <functional>

#include <boost/asio/ip/tcp.hpp>

#include "server/http_types.hpp"

namespace roster::emulator {

struct TlsContext;

/// What one connection needs from its server.
struct ConnectionContext {
  const HttpHandler& handler;
  /// Waits `delay` (HttpResponse::delay); false when the server stopped meanwhile.
  std::function<bool(std::chrono::milliseconds)> wait;
};

/// Serves HTTP/1.1 requests on an accepted socket until the peer leaves, an exchange
/// fails or the server stops; `tls` non-null: after a TLS handshake. Does not close
/// the socket (its owner does).
void serve_connection(boost::asio::ip::tcp::socket& socket, TlsContext* tls,
                      ConnectionContext& context);

}  // namespace roster::emulator
