#include "server/tls_context.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <openssl/err.h>
#include <openssl/x509.h>

#include <openssl/err.h>
#include <openssl/x509.h>

namespace roster::emulator {

namespace {

namespace ssl = boost::asio::ssl;

Error invalid(std::string message) {
  return make_error(ErrorKind::invalid_input, std::move(message));
}

// OpenSSL's own message for an unreadable file is "system lib"; say what happened.
std::string unreadable(const std::string& path) {
  std::ifstream file(path);
  if (file) return {};
  return std::strerror(errno);
}

// OpenSSL refuses a key that does not match the certificate while loading it.
bool is_key_mismatch(const boost::system::error_code& ec) {
  return ec.category() == boost::asio::error::get_ssl_category() &&
         ERR_GET_REASON(static_cast<unsigned long>(ec.value())) == X509_R_KEY_VALUES_MISMATCH;
}

}  // namespace

Result<std::shared_ptr<TlsContext>> load_tls_context(const TlsFiles& files) {
  if (auto problem = unreadable(files.certificate_path); !problem.empty()) {
    return invalid("cannot read TLS certificate " + files.certificate_path + ": " + problem);
  }
  if (auto problem = unreadable(files.key_path); !problem.empty()) {
    return invalid("cannot read TLS key " + files.key_path + ": " + problem);
  }
  auto context = std::make_shared<TlsContext>();
  boost::system::error_code ec;
  context->ssl.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                               ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                               ssl::context::no_tlsv1_1 | ssl::context::single_dh_use,
                           ec);
  context->ssl.use_certificate_chain_file(files.certificate_path, ec);
  if (ec) {
    return invalid("TLS certificate " + files.certificate_path +
                   " is not a PEM certificate: " + ec.message());
  }
  context->ssl.use_private_key_file(files.key_path, ssl::context::pem, ec);
  if (ec && !is_key_mismatch(ec)) {
    return invalid("TLS key " + files.key_path + " is not a PEM private key: " + ec.message());
  }
  if (ec || ::SSL_CTX_check_private_key(context->ssl.native_handle()) != 1) {
    return invalid("TLS key " + files.key_path + " does not belong to the certificate " +
                   files.certificate_path);
  }
  return context;
}

}  // namespace roster::emulator
