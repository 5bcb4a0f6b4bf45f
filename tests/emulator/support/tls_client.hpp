#pragma once

#include <cstdint>
#include <string>

#include "support/http_client.hpp"

namespace roster::emulator::test {

/// What a verifying TLS client saw: whether the handshake succeeded, OpenSSL's verdict on
/// the server's certificate ("ok", "certificate has expired", ...) and, after a
/// handshake, the answer to one request.
struct TlsExchange {
  bool handshake_ok = false;
  std::string verify_result;
  Reply reply;
};

/// Connects to 127.0.0.1:port, verifies the server's certificate against `ca_file` and
/// `host` (an IP address or a DNS name, also sent as SNI), then sends `request`.
TlsExchange send_over_tls(std::uint16_t port, const std::string& ca_file, const std::string& host,
                          const ClientRequest& request);

}  // namespace roster::emulator::test
