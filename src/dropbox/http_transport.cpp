// The only translation unit that includes cpprestsdk (slow to compile, archived upstream).
#define _TURN_OFF_PLATFORM_STRING
#include "http_transport.hpp"

#include "loopback.hpp"
#include "retry_after.hpp"

#include <cpprest/http_client.h>

namespace roster::dropbox {

namespace http = web::http;

namespace {

// "Now" for an HTTP-date Retry-After: the server's own Date header when it sent one (no
// clock skew between us), else this machine's clock.
std::chrono::sys_seconds reference_time(const http::http_headers& headers) {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto date = headers.find("Date");
  if (date == headers.end()) return now;
  return parse_http_date(date->second, now).value_or(now);
}

class CpprestTransport final : public HttpTransport {
 public:
  CpprestTransport(const web::uri& base, const http::client::http_client_config& config)
      : m_base(base.to_string()), m_client(base, config) {}

  core::Result<HttpResponse> post(
      const std::string& path, const std::string& body, const std::string& content_type,
      const std::vector<std::pair<std::string, std::string>>& headers) override {
    try {
      http::http_request request(http::methods::POST);
      request.set_request_uri(path);
      for (const auto& [name, value] : headers)
        request.headers().add(name, value);
      if (!content_type.empty()) request.set_body(body, content_type);
      http::http_response response = m_client.request(request).get();
      HttpResponse out;
      out.status = response.status_code();
      out.body = response.extract_utf8string(true).get();
      auto type = response.headers().find("Content-Type");
      if (type != response.headers().end()) out.content_type = type->second;
      auto retry = response.headers().find("Retry-After");
      if (retry != response.headers().end()) {
        out.retry_after = parse_retry_after(retry->second, reference_time(response.headers()));
      }
      return out;
    } catch (const std::exception& e) {
      // Connection refused, reset, closed without a response, TLS failure, timeout.
      return core::make_error(core::ErrorKind::unavailable,
                              "cannot reach " + m_base + ": " + e.what());
    }
  }

 private:
  std::string m_base;
  http::client::http_client m_client;
};

}  // namespace

core::Result<std::unique_ptr<HttpTransport>> make_http_transport(const std::string& base_url,
                                                                 std::chrono::seconds timeout) {
  web::uri uri;
  try {
    uri = web::uri(base_url);
  } catch (const std::exception&) {
    return core::make_error(core::ErrorKind::invalid_input, "invalid --api-url " + base_url);
  }
  if (uri.scheme() != "https" && uri.scheme() != "http") {
    return core::make_error(core::ErrorKind::invalid_input,
                            "--api-url must start with https:// (got " + base_url + ")");
  }
  if (uri.host().empty()) {
    return core::make_error(core::ErrorKind::invalid_input, "invalid --api-url " + base_url);
  }
  if (uri.scheme() == "http" && !is_loopback_host(uri.host())) {
    return core::make_error(core::ErrorKind::invalid_input,
                            "--api-url " + base_url +
                                ": plain http:// is allowed only for loopback addresses "
                                "(127.0.0.0/8, [::1], localhost); use https://");
  }
  http::client::http_client_config config;
  config.set_timeout(timeout);
  config.set_validate_certificates(true);
  try {
    return std::unique_ptr<HttpTransport>(new CpprestTransport(uri, config));
  } catch (const std::exception& e) {
    return core::make_error(core::ErrorKind::invalid_input,
                            "cannot use --api-url " + base_url + ": " + e.what());
  }
}

}  // namespace roster::dropbox
