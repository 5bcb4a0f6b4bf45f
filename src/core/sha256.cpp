// SHA-256 through OpenSSL's EVP interface (already linked for TLS): no hand-written hash.
#include "roster/core/sha256.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

#include <fmt/format.h>

namespace roster::core {

namespace {

struct Digest {
  std::array<unsigned char, EVP_MAX_MD_SIZE> bytes{};
  unsigned int size = 0;
};

Digest sha256(std::string_view data) {
  Digest digest;
  // EVP_Digest fails only when OpenSSL cannot allocate or its SHA-256 is unavailable
  // (a broken installation): nothing a caller could recover from.
  if (EVP_Digest(data.data(), data.size(), digest.bytes.data(), &digest.size, EVP_sha256(),
                 nullptr) != 1) {
    throw std::runtime_error("OpenSSL could not compute a SHA-256 digest");
  }
  return digest;
}

}  // namespace

std::string sha256_base64(std::string_view data) {
  auto digest = sha256(data);
  // EVP_EncodeBlock writes 4 characters per 3 bytes and a terminating NUL.
  std::array<unsigned char, 4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1> text{};
  int length = EVP_EncodeBlock(text.data(), digest.bytes.data(), static_cast<int>(digest.size));
  return {reinterpret_cast<const char*>(text.data()), static_cast<std::size_t>(length)};
}

std::string sha256_hex(std::string_view data) {
  auto [digest, size] = sha256(data);
  std::string hex;
  hex.reserve(2 * size);
  for (unsigned int i = 0; i < size; ++i)
    fmt::format_to(std::back_inserter(hex), "{:02x}", digest[i]);
  return hex;
}

}  // namespace roster::core
