// The only translation unit that includes cpprestsdk (slow to compile, archived upstream).
#define _TURN_OFF_PLATFORM_STRING
#include "dropbox/transport/http_transport.hpp"

#include <condition_variable>
#include <mutex>

#include "dropbox/transport/loopback.hpp"
#include "dropbox/transport/retry_after.hpp"
#include "dropbox/transport/tls_trust.hpp"

#include <cpprest/http_client.h>

namespace roster::dropbox {

namespace http = web::http;
using std::chrono::steady_clock;

namespace {

// How long a request in flight may still take once the run stops (Ctrl-C, --timeout).
constexpr auto k_stop_grace = std::chrono::seconds(5);
// How long to wait for cpprestsdk to settle a request after cancelling it.
constexpr auto k_cancel_settle = std::chrono::seconds(5);

// "Now" for an HTTP-date Retry-After: the server's own Date header when it sent one (no
// clock skew between us), else this machine's clock.
std::chrono::sys_seconds reference_time(const http::http_headers& headers) {
  auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto date = headers.find("Date");
  if (date == headers.end()) return now;
  return parse_http_date(date->second, now).value_or(now);
}

HttpResponse to_response(const http::http_response& response, std::string body) {
  HttpResponse out;
  out.status = response.status_code();
  out.body = std::move(body);
  auto type = response.headers().find("Content-Type");
  if (type != response.headers().end()) out.content_type = type->second;
  auto date = response.headers().find("Date");
  if (date != response.headers().end()) {
    auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    out.date = parse_http_date(date->second, now);
  }
  auto request_id = response.headers().find("X-Dropbox-Request-Id");
  if (request_id != response.headers().end()) out.request_id = request_id->second;
  auto retry = response.headers().find("Retry-After");
  if (retry != response.headers().end()) {
    out.retry_after = parse_retry_after(retry->second, reference_time(response.headers()));
  }
  return out;
}

// One request's outcome, handed from cpprestsdk's threads to the caller's. The task's
// exception is always taken here: pplx aborts the process (SIGTRAP) when a failed task is
// never looked at, which is what a cancelled request the caller gave up on would be.
struct Pending {
  std::mutex mutex;
  std::condition_variable_any settled_signal;
  bool settled = false;
  std::optional<HttpResponse> response;
  std::string failure;  // why there is no response

  void settle(pplx::task<HttpResponse> task) {
    std::optional<HttpResponse> answer;
    std::string why;
    try {
      answer = task.get();
    } catch (const std::exception& e) {
      why = e.what();  // connection refused, reset, closed without a response, TLS failure
    }
    {
      std::lock_guard lock(mutex);
      response = std::move(answer);
      failure = std::move(why);
      settled = true;
    }
    settled_signal.notify_all();
  }
};

enum class Wait { answered, timed_out, stopped };

class CpprestTransport final : public HttpTransport {
 public:
  CpprestTransport(const web::uri& base, const http::client::http_client_config& config,
                   std::chrono::seconds timeout, std::shared_ptr<TlsTrust> trust,
                   core::RunStop& stop)
      : m_base(base.to_string()),
        m_timeout(timeout),
        m_trust(std::move(trust)),
        m_stop(stop),
        m_uri(base),
        m_config(config),
        m_client(base, config) {}

  core::Result<HttpResponse> post(const std::string& path, const std::string& body,
                                  const std::string& content_type,
                                  const std::vector<std::pair<std::string, std::string>>& headers,
                                  Connection connection) override {
    auto pending = std::make_shared<Pending>();
    pplx::cancellation_token_source cancel;
    try {
      http::http_request request(http::methods::POST);
      request.set_request_uri(path);
      for (const auto& [name, value] : headers)
        request.headers().add(name, value);
      if (!content_type.empty()) request.set_body(body, content_type);
      // A client of its own has an empty pool: the request goes on a new connection, which
      // cpprestsdk never resends on. `Connection: close` lets the server drop it at once.
      std::optional<http::client::http_client> own;
      if (connection == Connection::fresh) {
        own.emplace(m_uri, m_config);
        request.headers().add("Connection", "close");
      }
      (own ? *own : m_client)
          .request(request, cancel.get_token())
          .then([](http::http_response response) {
            return response.extract_utf8string(true).then(
                [response](std::string text) { return to_response(response, std::move(text)); });
          })
          .then([pending](pplx::task<HttpResponse> done) { pending->settle(std::move(done)); });
    } catch (const std::exception& e) {
      return unreachable(e.what());
    }
    Wait waited = wait(*pending);
    if (waited != Wait::answered) {
      cancel.cancel();  // closes the connection; cpprestsdk then settles the task
      std::unique_lock lock(pending->mutex);
      pending->settled_signal.wait_for(lock, k_cancel_settle, [&] { return pending->settled; });
      return waited == Wait::timed_out ? timed_out() : stopped();
    }
    std::lock_guard lock(pending->mutex);
    if (pending->response) return std::move(*pending->response);
    return failed(pending->failure);
  }

 private:
  // Until the answer, the request's timeout, or the run's stop (a request or its
  // deadline) plus a short grace for the request to finish.
  Wait wait(Pending& pending) {
    const auto timeout_at = steady_clock::now() + m_timeout;
    auto until = timeout_at;
    if (auto deadline = m_stop.deadline()) until = std::min(until, *deadline);
    auto answered = [&] { return pending.settled; };
    {
      std::unique_lock lock(pending.mutex);
      if (pending.settled_signal.wait_until(lock, m_stop.token(), until, answered)) {
        return Wait::answered;
      }
    }
    if (steady_clock::now() >= timeout_at) return Wait::timed_out;
    (void)m_stop.reason();  // the run's deadline passed: record it, waking everyone else
    std::unique_lock lock(pending.mutex);
    auto grace_until = std::min(timeout_at, steady_clock::now() + k_stop_grace);
    if (pending.settled_signal.wait_until(lock, grace_until, answered)) return Wait::answered;
    return steady_clock::now() >= timeout_at ? Wait::timed_out : Wait::stopped;
  }

  // cpprestsdk says only "Error in SSL handshake"; the trust store kept OpenSSL's reason.
  // A refused certificate is not retried: it will be refused again.
  core::Error failed(const std::string& why) const {
    std::string refusal = m_trust->last_refusal();
    if (refusal.empty() || why.find("SSL handshake") == std::string::npos) return unreachable(why);
    core::Error error = unreachable("certificate verify failed: " + refusal);
    error.kind = core::ErrorKind::invalid_input;
    return error;
  }

  core::Error unreachable(const std::string& why) const {
    return core::make_error(core::ErrorKind::unavailable, "cannot reach " + m_base + ": " + why);
  }

  core::Error timed_out() const {
    return unreachable("no answer within " + std::to_string(m_timeout.count()) +
                       " s (the request timed out)");
  }

  core::Error stopped() const {
    core::Error error = unreachable(
        "no answer within " + std::to_string(k_stop_grace.count()) +
        " s of the run stopping; the request was cancelled and may or may not have taken effect");
    error.gave_up = true;
    return error;
  }

  std::string m_base;
  std::chrono::seconds m_timeout;
  std::shared_ptr<TlsTrust> m_trust;
  core::RunStop& m_stop;
  web::uri m_uri;
  http::client::http_client_config m_config;
  http::client::http_client m_client;  // pooled connections, for requests safe to resend
};

}  // namespace

core::Result<std::unique_ptr<HttpTransport>> make_http_transport(const HttpTeamApiConfig& options,
                                                                 core::RunStop& stop) {
  const std::string& base_url = options.api_url;
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
  auto trust = TlsTrust::load(options.ca_file, options.ca_file_source + " " + options.ca_file);
  if (!trust) return trust.error();
  http::client::http_client_config config;
  // roster's own wait (CpprestTransport::wait) ends a request at `timeout`, wherever it is;
  // cpprestsdk's inactivity timer is only a backstop, late enough never to win the race.
  config.set_timeout(options.timeout + std::chrono::seconds(5));
  config.set_validate_certificates(true);
  config.set_ssl_context_callback(
      [trust = *trust, host = uri.host()](boost::asio::ssl::context& context) {
        trust->configure(context.native_handle(), host);
      });
  try {
    return std::unique_ptr<HttpTransport>(
        new CpprestTransport(uri, config, options.timeout, *trust, stop));
  } catch (const std::exception& e) {
    return core::make_error(core::ErrorKind::invalid_input,
                            "cannot use --api-url " + base_url + ": " + e.what());
  }
}

}  // namespace roster::dropbox
