#include "support/tls_certs.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <stdexcept>

namespace roster::test {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Certificate = std::unique_ptr<X509, decltype(&X509_free)>;
using File = std::unique_ptr<BIO, decltype(&BIO_free)>;

constexpr long k_day = 24 * 3600;
const char* const k_loopback_names = "IP:127.0.0.1,DNS:localhost";

void require(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test certificates: ") + what + " failed");
}

Key make_key() {
  Key key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  require(key != nullptr, "EC key generation");
  return key;
}

// What a certificate says about itself.
struct Profile {
  const char* common_name;
  const char* subject_alt_names;  // null: none (the CA)
  bool is_ca;
  long not_before;  // seconds from now
  long not_after;
  long serial;
};

void add_extension(X509* certificate, X509V3_CTX& context, int nid, const char* value) {
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
  require(extension != nullptr, "certificate extension");
  const int added = X509_add_ext(certificate, extension, -1);
  X509_EXTENSION_free(extension);
  require(added == 1, "adding an extension");
}

void add_extensions(X509* certificate, X509* issuer, const Profile& profile) {
  X509V3_CTX context;
  X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
  if (profile.is_ca) {
    add_extension(certificate, context, NID_basic_constraints, "critical,CA:TRUE");
    add_extension(certificate, context, NID_key_usage, "critical,keyCertSign,cRLSign");
  } else {
    add_extension(certificate, context, NID_basic_constraints, "critical,CA:FALSE");
    add_extension(certificate, context, NID_key_usage, "critical,digitalSignature");
    add_extension(certificate, context, NID_ext_key_usage, "serverAuth");
    add_extension(certificate, context, NID_subject_alt_name, profile.subject_alt_names);
  }
  add_extension(certificate, context, NID_subject_key_identifier, "hash");
  if (issuer != certificate) {
    add_extension(certificate, context, NID_authority_key_identifier, "keyid:always");
  }
}

// `issuer`/`issuer_key` null: the certificate signs itself with `key`.
Certificate make_certificate(const Profile& profile, EVP_PKEY* key, X509* issuer,
                             EVP_PKEY* issuer_key) {
  Certificate certificate(X509_new(), X509_free);
  require(certificate != nullptr, "X509_new");
  X509* self = certificate.get();
  require(X509_set_version(self, 2) == 1, "setting the version");
  require(ASN1_INTEGER_set(X509_get_serialNumber(self), profile.serial) == 1, "serial");
  require(X509_gmtime_adj(X509_getm_notBefore(self), profile.not_before) != nullptr, "notBefore");
  require(X509_gmtime_adj(X509_getm_notAfter(self), profile.not_after) != nullptr, "notAfter");
  require(X509_set_pubkey(self, key) == 1, "setting the public key");
  X509_NAME* name = X509_get_subject_name(self);
  const auto* cn = reinterpret_cast<const unsigned char*>(profile.common_name);
  require(X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                     reinterpret_cast<const unsigned char*>("roster tests"), -1, -1,
                                     0) == 1,
          "subject");
  require(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) == 1, "subject");
  X509* signer = issuer != nullptr ? issuer : self;
  require(X509_set_issuer_name(self, X509_get_subject_name(signer)) == 1, "issuer");
  add_extensions(self, signer, profile);
  require(X509_sign(self, issuer_key != nullptr ? issuer_key : key, EVP_sha256()) > 0, "signing");
  return certificate;
}

std::string write_certificate(const std::filesystem::path& path, X509* certificate) {
  File file(BIO_new_file(path.c_str(), "w"), BIO_free);
  require(file != nullptr && PEM_write_bio_X509(file.get(), certificate) == 1,
          "writing a certificate");
  return path.string();
}

std::string write_key(const std::filesystem::path& path, EVP_PKEY* key) {
  File file(BIO_new_file(path.c_str(), "w"), BIO_free);
  require(file != nullptr &&
              PEM_write_bio_PrivateKey(file.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "writing a key");
  return path.string();
}

CertificateFiles write_leaf(const std::filesystem::path& directory, const char* name,
                            const Profile& profile, X509* ca, EVP_PKEY* ca_key) {
  const auto key = make_key();
  const auto certificate = make_certificate(profile, key.get(), ca, ca_key);
  return {write_certificate(directory / (std::string(name) + ".pem"), certificate.get()),
          write_key(directory / (std::string(name) + "-key.pem"), key.get())};
}

}  // namespace

TestCertificates make_test_certificates(const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  const auto ca_key = make_key();
  const auto ca = make_certificate({"roster test CA", nullptr, true, -k_day, 2 * k_day, 1},
                                   ca_key.get(), nullptr, nullptr);
  TestCertificates files;
  files.ca_certificate = write_certificate(directory / "ca.pem", ca.get());
  files.trusted =
      write_leaf(directory, "trusted", {"127.0.0.1", k_loopback_names, false, -3600, k_day, 2},
                 ca.get(), ca_key.get());
  files.self_signed =
      write_leaf(directory, "self-signed", {"127.0.0.1", k_loopback_names, false, -3600, k_day, 3},
                 nullptr, nullptr);
  files.wrong_host = write_leaf(directory, "wrong-host",
                                {"wrong.example", "DNS:wrong.example", false, -3600, k_day, 4},
                                ca.get(), ca_key.get());
  files.expired = write_leaf(directory, "expired",
                             {"127.0.0.1", k_loopback_names, false, -2 * k_day, -k_day, 5},
                             ca.get(), ca_key.get());
  return files;
}

}  // namespace roster::test
