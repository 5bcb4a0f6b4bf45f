#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "roster/core/result.hpp"

struct ssl_ctx_st;     // OpenSSL's SSL_CTX
struct x509_store_st;  // OpenSSL's X509_STORE

namespace roster::dropbox {

/// Which certificate authorities roster trusts, and what it learned when a server's
/// certificate was refused. Shared by every TLS connection of one transport; thread-safe.
class TlsTrust {
 public:
  /// `ca_file` empty: the system's trust store. Otherwise only the certificates in that
  /// PEM file (like curl --cacert). `source` names it in errors ("--ca-file PATH").
  /// Errors: the file cannot be read, or holds no PEM certificate.
  [[nodiscard]] static core::Result<std::shared_ptr<TlsTrust>> load(const std::string& ca_file,
                                                                    const std::string& source);
  ~TlsTrust();
  TlsTrust(const TlsTrust&) = delete;
  TlsTrust& operator=(const TlsTrust&) = delete;

  /// Prepares a new connection's context before its handshake: the trusted CAs, OpenSSL's
  /// own check of `host` (a DNS name or an IP address) against the certificate, and a
  /// record of why verification failed. The context must not outlive this object.
  void configure(ssl_ctx_st* context, const std::string& host);

  /// OpenSSL's reason for the latest refused certificate ("certificate has expired"), or
  /// "" when the latest verification succeeded.
  [[nodiscard]] std::string last_refusal() const;

  void record(std::string refusal);

 private:
  explicit TlsTrust(x509_store_st* store) : m_store(store) {}

  x509_store_st* m_store;  // null: the system's default verify paths
  mutable std::mutex m_mutex;
  std::string m_refusal;
};

}  // namespace roster::dropbox
