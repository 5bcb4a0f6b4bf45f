#pragma once

#include <filesystem>
#include <string>

namespace roster::test {

/// A PEM certificate and the PEM private key that goes with it (file paths).
struct CertificateFiles {
  std::string certificate;
  std::string key;
};

/// A throwaway PKI for TLS tests, generated at test time with OpenSSL (EC P-256, SHA-256).
/// Every leaf is a TLS server certificate; all but `wrong_host` name 127.0.0.1 and
/// localhost in their subjectAltName.
struct TestCertificates {
  std::string ca_certificate;    // the CA to trust (PEM), e.g. for --ca-file
  CertificateFiles trusted;      // signed by the CA, valid now
  CertificateFiles self_signed;  // signed by its own key: untrusted
  CertificateFiles wrong_host;   // signed by the CA, valid now, SAN DNS:wrong.example only
  CertificateFiles expired;      // signed by the CA, notAfter one day ago
};

/// Writes the CA and the four leaves into `directory` (created if missing) and returns
/// their paths. Throws std::runtime_error when OpenSSL fails.
[[nodiscard]] TestCertificates make_test_certificates(const std::filesystem::path& directory);

}  // namespace roster::test
