#pragma once

#include <cstdint>
#include <string>

namespace roster::test {

/// A minimal HTTP/1.1 exchange over a fresh loopback connection, for the emulator's
/// /_emulator/ admin endpoints only (roster's own client is what is under test).
struct RawResponse {
  int status = 0;
  std::string body;
};

RawResponse raw_http(std::uint16_t port, const std::string& method, const std::string& path,
                     const std::string& body = "");

}  // namespace roster::test
