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

/// `headers`: extra header lines, each ending in "\r\n" (e.g. an Authorization header
/// when a test changes the team behind roster's back, as an admin in the console would).
RawResponse raw_http(std::uint16_t port, const std::string& method, const std::string& path,
                     const std::string& body = "", const std::string& headers = "");

}  // namespace roster::test
