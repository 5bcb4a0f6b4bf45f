#pragma once

#include <memory>
#include <string>

#include <boost/asio/ssl/context.hpp>

#include "roster/emulator/result.hpp"

namespace roster::emulator {

/// The PEM files of an HTTPS listener: the certificate (chain, leaf first) and its key.
struct TlsFiles {
  std::string certificate_path;
  std::string key_path;
};

/// A TLS server context (TLS 1.2 or later) holding one certificate and its key.
struct TlsContext {
  boost::asio::ssl::context ssl{boost::asio::ssl::context::tls_server};
};

/// Loads and checks the certificate and key. Errors (invalid_input) name the file and the
/// reason: unreadable, not PEM, or a key that does not belong to the certificate.
[[nodiscard]] Result<std::shared_ptr<TlsContext>> load_tls_context(const TlsFiles& files);

}  // namespace roster::emulator
