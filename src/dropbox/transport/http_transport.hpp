#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "roster/core/result.hpp"
#include "roster/core/stop.hpp"
#include "roster/dropbox/http_team_api.hpp"

namespace roster::dropbox {

/// A finished HTTP exchange: any status code is a response, not an error.
struct HttpResponse {
  int status = 0;
  std::string body;
  std::string content_type;
  std::optional<std::chrono::seconds> retry_after;
  /// The server's clock when it answered (its `Date` header), for `roster doctor`'s skew
  /// check; nullopt when it sent none or an unreadable one.
  std::optional<std::chrono::sys_seconds> date;
  std::string request_id;  // X-Dropbox-Request-Id, for the request log; "" when absent
};

/// Which connection a request may travel on. cpprestsdk silently sends a request again when
/// a connection it took from its pool closes before the status line: harmless for a read,
/// a second write nobody counted for anything else (Dropbox may have done the first one).
/// A `fresh` request gets a connection of its own, never pooled, so that only roster's own
/// retry loop, which counts attempts and judges "already done", ever repeats it
/// (docs/decisions/0040).
enum class Connection { pooled, fresh };

/// POSTs over HTTPS (certificates verified) or, for loopback hosts only, plain HTTP.
/// Connection failures and timeouts come back as ErrorKind::unavailable. The only
/// place that touches cpprestsdk; safe to use from several threads. Every request ends
/// within the timeout; when the run stops, a request in flight gets a few seconds' grace
/// to finish and is then cancelled.
class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  [[nodiscard]] virtual core::Result<HttpResponse> post(
      const std::string& path, const std::string& body, const std::string& content_type,
      const std::vector<std::pair<std::string, std::string>>& headers, Connection connection) = 0;
};

/// Checks `config.api_url` (https://..., or http:// on a loopback address) and the CA
/// file, and makes a transport whose requests end within `config.timeout`, or shortly
/// after `stop` says the run stops. A certificate that fails verification is an
/// invalid_input error naming OpenSSL's reason ("certificate verify failed: ...").
[[nodiscard]] core::Result<std::unique_ptr<HttpTransport>> make_http_transport(
    const HttpTeamApiConfig& config, core::RunStop& stop);

}  // namespace roster::dropbox
