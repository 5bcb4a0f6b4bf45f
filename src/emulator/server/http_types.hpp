#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace roster::emulator {

/// The parts of an HTTP request the emulator looks at; filled by the server (or a test).
struct HttpRequest {
  std::string method = "POST";
  std::string target;  // path and optional query, e.g. "/2/team/get_info"
  std::optional<std::string> authorization;
  std::optional<std::string> content_type;
  std::string body;
};

/// What to send back. `drop_connection` closes the socket without any response;
/// `delay` is waited before answering (latency faults, --latency-ms).
struct HttpResponse {
  int status = 200;
  std::string content_type;  // empty: no Content-Type header
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::chrono::milliseconds delay{0};
  bool drop_connection = false;
  bool keep_alive = true;  // false: close the connection after this response
};

/// Turns one request into one response; the server calls it from many threads.
using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

}  // namespace roster::emulator
