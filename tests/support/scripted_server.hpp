#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace roster::test {

/// One HTTP request as a ScriptedServer received it.
struct ScriptedRequest {
  std::string method;
  std::string target;
  std::string head;  // the request line and headers, as sent
  std::string body;
  /// The value of header `name` (case-insensitive), or "".
  [[nodiscard]] std::string header(const std::string& name) const;
};

struct ScriptedResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

/// A tiny HTTP/1.1 server on 127.0.0.1 whose answers a test writes: for behaviour the
/// emulator must not have (a server that echoes secrets back, say). One thread per
/// connection, one request per connection (`Connection: close`). Stops on destruction.
class ScriptedServer {
 public:
  using Handler = std::function<ScriptedResponse(const ScriptedRequest&)>;
  explicit ScriptedServer(Handler handler);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port); }
  /// Every request received so far.
  [[nodiscard]] std::vector<ScriptedRequest> requests();

 private:
  void accept_loop();
  void serve(int fd);

  Handler m_handler;
  int m_listener = -1;
  std::uint16_t m_port = 0;
  std::atomic<bool> m_stopping{false};
  std::thread m_acceptor;
  std::mutex m_mutex;
  std::vector<std::thread> m_connections;
  std::vector<ScriptedRequest> m_requests;
};

}  // namespace roster::test
