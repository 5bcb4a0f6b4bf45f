#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "roster/emulator/result.hpp"

namespace roster::emulator {

/// How to start roster-emulator (docs/emulator.md lists the matching command-line flags).
struct EmulatorOptions {
  std::uint16_t port = 0;  // 0: any free port
  std::string state_path;  // required; an existing state file wins over the seed
  std::string seed_path;   // optional seed document; empty: the default team
  std::string token = "roster-emulator-token";  // the team admin's long-lived token
  std::chrono::milliseconds latency{0};         // added to every API response
  double rate_limit = 0;                        // requests/second; 0: unlimited
  std::int64_t token_lifetime_seconds = 14400;  // tokens from POST /oauth2/token
  std::string app_key = "roster-emulator-app-key";
  std::string app_secret = "roster-emulator-app-secret";
  std::string refresh_token = "roster-emulator-refresh-token";
  /// The OAuth scopes every accepted token has (e.g. {"members.read", "team_info.read"});
  /// nullopt: all. A route needing another answers 401 missing_scope.
  std::optional<std::vector<std::string>> scopes;
  /// Server limits (docs/decisions/0106-emulator-server-limits.md): a request's headers
  /// must arrive within `header_timeout` of the connection being ready for it (idle
  /// keep-alive connections close after it), its body within `body_timeout` (408
  /// otherwise); beyond `max_connections` open at once new ones get 503; larger bodies 413.
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{60'000};
  std::size_t max_connections = 256;
  std::uint64_t max_body_bytes = std::uint64_t{64} << 20;
  /// Both set: serve HTTPS with this PEM certificate (chain) and key; both empty: HTTP.
  std::string tls_certificate_path;
  std::string tls_key_path;
};

/// A running emulator on 127.0.0.1. Stops (and joins every thread) on destruction.
class Emulator {
 public:
  /// Loads the state (state file, else seed, else default team), saves a fresh snapshot
  /// and starts listening. Errors: unreadable/invalid seed or state, unreadable/invalid
  /// TLS certificate or key (or only one of them given), an unknown scope, port in use.
  [[nodiscard]] static Result<std::unique_ptr<Emulator>> start(
      const EmulatorOptions& options);
  ~Emulator();
  Emulator(const Emulator&) = delete;
  Emulator& operator=(const Emulator&) = delete;

  [[nodiscard]] std::uint16_t port() const noexcept;
  /// "http://127.0.0.1:PORT", or "https://127.0.0.1:PORT" when serving TLS.
  [[nodiscard]] std::string url() const;
  void stop();

 private:
  struct Impl;
  explicit Emulator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace roster::emulator
