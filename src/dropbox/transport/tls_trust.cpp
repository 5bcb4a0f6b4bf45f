#include "dropbox/transport/tls_trust.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include "roster/core/file.hpp"

namespace roster::dropbox {

namespace {

core::Error bad_file(const std::string& source, const std::string& why) {
  return core::make_error(core::ErrorKind::invalid_input, source + ": " + why);
}

// Adds every certificate of the PEM text to `store`; how many there were.
int add_certificates(X509_STORE* store, const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  if (bio == nullptr) return 0;
  STACK_OF(X509_INFO)* infos = PEM_X509_INFO_read_bio(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  int added = 0;
  if (infos != nullptr) {
    for (int i = 0; i < sk_X509_INFO_num(infos); ++i) {
      X509* certificate = sk_X509_INFO_value(infos, i)->x509;
      if (certificate != nullptr && X509_STORE_add_cert(store, certificate) == 1) ++added;
    }
    sk_X509_INFO_pop_free(infos, X509_INFO_free);
  }
  ERR_clear_error();
  return added;
}

// Runs OpenSSL's verification (which calls cpprestsdk's callback as before) and keeps
// the reason of a refusal, which cpprestsdk reports only as "Error in SSL handshake".
int verify_and_record(X509_STORE_CTX* context, void* trust) {
  int ok = X509_verify_cert(context);
  auto* self = static_cast<TlsTrust*>(trust);
  self->record(ok > 0 ? std::string()
                      : X509_verify_cert_error_string(X509_STORE_CTX_get_error(context)));
  return ok;
}

std::string without_brackets(const std::string& host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return host.substr(1, host.size() - 2);
  }
  return host;
}

}  // namespace

core::Result<std::shared_ptr<TlsTrust>> TlsTrust::load(const std::string& ca_file,
                                                       const std::string& source) {
  if (ca_file.empty()) return std::shared_ptr<TlsTrust>(new TlsTrust(nullptr));
  auto text = core::read_file(ca_file);
  if (!text) return bad_file(source, "cannot read it: " + text.error().message);
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) return bad_file(source, "out of memory");
  if (add_certificates(store, *text) == 0) {
    X509_STORE_free(store);
    return bad_file(source, "no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)");
  }
  return std::shared_ptr<TlsTrust>(new TlsTrust(store));
}

TlsTrust::~TlsTrust() {
  if (m_store != nullptr) X509_STORE_free(m_store);
}

void TlsTrust::configure(ssl_ctx_st* context, const std::string& host) {
  if (m_store != nullptr) {
    X509_STORE_up_ref(m_store);
    SSL_CTX_set_cert_store(context, m_store);  // replaces the default paths; takes the ref
  }
  std::string name = without_brackets(host);
  X509_VERIFY_PARAM* param = SSL_CTX_get0_param(context);
  if (X509_VERIFY_PARAM_set1_ip_asc(param, name.c_str()) != 1) {
    X509_VERIFY_PARAM_set1_host(param, name.c_str(), name.size());
  }
  ERR_clear_error();
  SSL_CTX_set_cert_verify_callback(context, verify_and_record, this);
}

std::string TlsTrust::last_refusal() const {
  std::lock_guard lock(m_mutex);
  return m_refusal;
}

void TlsTrust::record(std::string refusal) {
  std::lock_guard lock(m_mutex);
  m_refusal = std::move(refusal);
}

}  // namespace roster::dropbox
