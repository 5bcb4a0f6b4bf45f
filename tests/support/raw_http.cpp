#include "support/raw_http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace roster::test {

RawResponse raw_http(std::uint16_t port, const std::string& method, const std::string& path,
                     const std::string& body, const std::string& headers) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot connect to the emulator");
  }
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                        "Connection: close\r\nContent-Type: application/json\r\n" + headers +
                        "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  for (std::size_t sent = 0; sent < request.size();) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, 0);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  std::string raw;
  char buffer[65536];
  ssize_t n;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0)
    raw.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  RawResponse response;
  auto space = raw.find(' ');
  if (space != std::string::npos) response.status = std::stoi(raw.substr(space + 1, 3));
  auto head_end = raw.find("\r\n\r\n");
  if (head_end != std::string::npos) response.body = raw.substr(head_end + 4);
  // Chunked bodies are not expected from the admin endpoints (they send Content-Length).
  return response;
}

}  // namespace roster::test
