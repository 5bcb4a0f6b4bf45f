#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "persistence/state_sink.hpp"
#include "routes/routes.hpp"
#include "routes/scopes.hpp"
#include "routes/token_registry.hpp"
#include "server/fault_plan.hpp"
#include "server/http_types.hpp"
#include "server/rate_limiter.hpp"
#include "server/request_stats.hpp"
#include "store/team_store.hpp"

namespace roster::emulator {

struct RouterOptions {
  std::string token = "roster-emulator-token";
  OAuthSettings oauth;
  ScopeGrant scopes;      // what every accepted token may do; default: everything
  double rate_limit = 0;  // requests per second; 0 = unlimited
  std::chrono::milliseconds latency{0};
  std::uint64_t fault_seed = 1;
  /// Real time as Unix seconds (before the emulator's clock offset); tests pin it.
  std::function<UnixSeconds()> wall_clock;
  /// A monotonic clock in seconds, for the rate limiter.
  std::function<double()> monotonic_clock;
};

/// Turns one HTTP request into one response: rate limit, faults, auth, argument
/// decoding, the route, persistence, statistics. No sockets: the server and the tests
/// both call handle(). Thread-safe.
class Router {
 public:
  Router(TeamState state, RouterOptions options, StateSink& sink);

  [[nodiscard]] HttpResponse handle(const HttpRequest& request);
  /// The emulator's current time: real time plus the offset of POST /_emulator/clock.
  [[nodiscard]] UnixSeconds now() const;
  /// The whole state as a state document (GET /_emulator/state).
  [[nodiscard]] std::string state_document() const;

 private:
  HttpResponse dispatch(const HttpRequest& request);
  HttpResponse handle_api(const HttpRequest& request, std::string_view route,
                          std::string_view query);
  HttpResponse run_route(const RouteSpec& route, const HttpRequest& request);
  HttpResponse commit(HttpResponse response, std::unique_lock<std::shared_mutex>& lock);
  HttpResponse check_auth(const HttpRequest& request, std::string_view route) const;

  // admin_routes.cpp: /_emulator/...
  HttpResponse handle_admin(const HttpRequest& request, std::string_view path);
  HttpResponse admin_faults(const HttpRequest& request);
  HttpResponse admin_clock(const HttpRequest& request);
  HttpResponse admin_accept_invite(const HttpRequest& request);
  HttpResponse admin_verify_secondary_email(const HttpRequest& request);

  RouterOptions m_options;
  StateSink& m_sink;
  mutable std::shared_mutex m_mutex;  // guards m_store
  TeamStore m_store;
  std::atomic<std::int64_t> m_clock_offset;
  TokenRegistry m_tokens;
  FaultPlan m_faults;
  RateLimiter m_limiter;
  RequestStats m_stats;
  std::atomic<std::uint64_t> m_request_seq{0};
  std::uint64_t m_request_salt;
};

}  // namespace roster::emulator
