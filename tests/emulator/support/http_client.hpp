#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace roster::emulator::test {

/// One HTTP answer as a test sees it. `status` 0: the connection closed without one.
struct Reply {
  int status = 0;
  std::string content_type;
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body); }
  [[nodiscard]] std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct ClientRequest {
  std::string method = "POST";
  std::string target;
  std::string body;
  std::optional<std::string> authorization;
  std::optional<std::string> content_type;
};

/// A Boost.Beast HTTP/1.1 client keeping one connection to 127.0.0.1:port alive;
/// reconnects after the server closed it. Counts the connections it opened.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  Reply send(const ClientRequest& request);
  [[nodiscard]] int connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace roster::emulator::test
