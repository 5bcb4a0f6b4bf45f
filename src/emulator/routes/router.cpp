#include "routes/router.hpp"

#include <iostream>

#include "persistence/state_codec.hpp"
#include "routes/oauth_route.hpp"
#include "store/ids.hpp"
#include "store/timestamp.hpp"
#include "wire/input_checks.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

UnixSeconds system_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool is_json_type(const std::string& type) {
  // What Dropbox accepts for RPC bodies (REFERENCE §1).
  return type == "application/json" || type == "application/json; charset=utf-8" ||
         type == "text/plain; charset=dropbox-cors-hack";
}

}  // namespace

Router::Router(TeamState state, RouterOptions options, StateSink& sink)
    : m_options(std::move(options)),
      m_sink(sink),
      m_store(std::move(state)),
      m_clock_offset(m_store.state().info.clock_offset_seconds),
      m_tokens(m_options.token, m_options.oauth),
      m_faults(m_options.fault_seed),
      m_limiter(m_options.rate_limit),
      m_request_salt(static_cast<std::uint64_t>(system_seconds())) {
  if (!m_options.wall_clock) m_options.wall_clock = system_seconds;
  if (!m_options.monotonic_clock) m_options.monotonic_clock = steady_seconds;
}

UnixSeconds Router::now() const {
  return m_options.wall_clock() + m_clock_offset.load();
}

std::string Router::state_document() const {
  std::shared_lock lock(m_mutex);
  return encode_state(m_store.state());
}

HttpResponse Router::handle(const HttpRequest& request) {
  auto response = dispatch(request);
  // RFC 9110 §6.6.1: an origin server with a clock sends Date. The emulated server's clock
  // is the one POST /_emulator/clock moves, so a client sees the skew it would see at Dropbox.
  response.headers.emplace_back("Date", format_http_date(now()));
  response.headers.emplace_back("X-Dropbox-Request-Id",
                                make_request_id(++m_request_seq ^ (m_request_salt << 20)));
  return response;
}

HttpResponse Router::dispatch(const HttpRequest& request) {
  if (!is_utf8(request.target)) {
    // Route names end up in statistics and messages: they must be text.
    HttpResponse refused;
    refused.status = 400;
    refused.content_type = k_text_type;
    refused.body = "Bad Request: the request target is not UTF-8";
    return refused;
  }
  const std::string_view target = request.target;
  const auto question = target.find('?');
  const auto path = target.substr(0, question);
  const auto query =
      question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
  if (path.starts_with("/_emulator/")) return handle_admin(request, path.substr(11));
  const auto route =
      path.starts_with("/2/") ? std::string(path.substr(3)) : std::string(path.substr(1));
  auto response = handle_api(request, route, query);
  m_stats.record(route, response.drop_connection ? "dropped" : std::to_string(response.status));
  return response;
}

HttpResponse Router::handle_api(const HttpRequest& request, std::string_view route,
                                std::string_view query) {
  if (m_options.rate_limit > 0) {
    if (const auto wait = m_limiter.admit(m_options.monotonic_clock())) {
      return too_many_requests(*wait);
    }
  }
  const auto fault = m_faults.next(route);
  HttpResponse response;
  if (fault.kind == FaultKind::drop_connection) {
    response.drop_connection = true;
  } else if (fault.kind == FaultKind::too_many_requests) {
    response = too_many_requests(fault.retry_after_seconds);
  } else if (fault.kind == FaultKind::internal_error || fault.kind == FaultKind::unavailable) {
    response.status = fault.kind == FaultKind::internal_error ? 500 : 503;
    response.content_type = k_text_type;
    response.body = response.status == 500 ? "Internal Server Error (injected fault)"
                                           : "Service Unavailable (injected fault)";
  } else if (route == "oauth2/token") {
    response = handle_oauth_token(m_tokens, request, query, now());
  } else if (const auto* spec = find_route(route)) {
    response = run_route(*spec, request);
  } else {
    response = bad_request(route, "Unknown API function: \"" + std::string(route) + "\"");
  }
  response.delay += m_options.latency + fault.latency;
  return response;
}

HttpResponse Router::check_auth(const HttpRequest& request, std::string_view route) const {
  if (!request.authorization) return auth_error("invalid_access_token");
  const std::string_view header = *request.authorization;
  if (!header.starts_with("Bearer ") || header.size() == 7) {
    return bad_request(route, "Invalid authorization value in HTTP header \"Authorization\": \"" +
                                  std::string(header.substr(0, header.find(' '))) +
                                  " ...\". Expecting \"Bearer <oauth2-access-token>\".");
  }
  switch (m_tokens.check(header.substr(7), now())) {
    case TokenRegistry::Verdict::valid:
      return HttpResponse{};
    case TokenRegistry::Verdict::expired:
      return auth_error("expired_access_token");
    case TokenRegistry::Verdict::invalid:
      break;
  }
  return auth_error("invalid_access_token");
}

HttpResponse Router::run_route(const RouteSpec& route, const HttpRequest& request) {
  if (request.method != "POST") {
    return bad_request(route.path, "Only POST requests are supported, got " + request.method);
  }
  if (auto denied = check_auth(request, route.path); denied.status != 200) return denied;
  if (!m_options.scopes.allows(route.scope)) return missing_scope(route.scope);
  const bool has_body = request.body.find_first_not_of(" \t\r\n") != std::string::npos;
  if (has_body && (!request.content_type || !is_json_type(*request.content_type))) {
    return bad_request(route.path, "Bad HTTP \"Content-Type\" header: \"" +
                                       request.content_type.value_or("") +
                                       "\".  Expecting one of \"application/json\", "
                                       "\"application/json; charset=utf-8\", "
                                       "\"text/plain; charset=dropbox-cors-hack\".");
  }
  nlohmann::json arg;
  if (has_body && is_nested_deeper_than(request.body, k_max_json_depth)) {
    return bad_request(route.path,
                       "request body: could not decode input as JSON: nested deeper "
                       "than " +
                           std::to_string(k_max_json_depth) + " levels");
  }
  if (has_body) {
    arg = nlohmann::json::parse(request.body, nullptr, false);
    if (arg.is_discarded()) {
      return bad_request(route.path, "request body: could not decode input as JSON");
    }
  }
  if (route.void_arg && !arg.is_null()) {
    return bad_request(route.path,
                       "request body: expected null, got " + std::string(arg.type_name()));
  }
  if (!route.void_arg && arg.is_null()) {
    return bad_request(route.path, "request body: could not decode input as JSON");
  }
  if (!route.writes) {
    std::shared_lock lock(m_mutex);
    RouteContext context{m_store, now(), route.path};
    return route.run(context, arg);
  }
  std::unique_lock lock(m_mutex);
  RouteContext context{m_store, now(), route.path};
  auto response = route.run(context, arg);
  return commit(std::move(response), lock);
}

// Persists what the route changed; the response leaves only once that is durable.
HttpResponse Router::commit(HttpResponse response, std::unique_lock<std::shared_mutex>& lock) {
  const auto changes = m_store.take_changes();
  if (changes.empty()) return response;
  const auto ticket = m_sink.append(encode_changes(m_store.state(), changes));
  bool saved = ticket != 0;
  if (saved && m_sink.wants_snapshot())
    saved = m_sink.write_snapshot(encode_state(m_store.state()));
  lock.unlock();
  saved = saved && m_sink.sync_through(ticket);
  if (saved) return response;
  std::cerr << "roster-emulator: could not save state\n";
  HttpResponse failure;
  failure.status = 500;
  failure.content_type = k_text_type;
  failure.body = "Internal Server Error: the emulator could not save its state";
  return failure;
}

}  // namespace roster::emulator
