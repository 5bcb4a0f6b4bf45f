// roster-emulator: a local Dropbox team API for tests, demos and rehearsals.
#include <pthread.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "roster/emulator/emulator.hpp"

namespace {

constexpr long long k_one_day_ms = 86'400'000;

}  // namespace

int main(int argc, char** argv) {
  roster::emulator::EmulatorOptions options;
  long long latency_ms = 0;
  long long header_timeout_ms = options.header_timeout.count();
  long long body_timeout_ms = options.body_timeout.count();
  CLI::App app{"roster-emulator: a local Dropbox team API on 127.0.0.1 (docs/emulator.md)"};
  app.set_version_flag("--version", "roster-emulator " ROSTER_VERSION);
  app.add_option("--port", options.port, "TCP port; 0 picks a free one")->required();
  app.add_option("--state", options.state_path, "state file (created if missing)")->required();
  app.add_option("--seed", options.seed_path, "seed document used when no state file exists");
  app.add_option("--token", options.token, "access token of the team admin")->capture_default_str();
  app.add_option("--latency-ms", latency_ms, "latency added to every API response")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--rate-limit", options.rate_limit, "requests per second before 429 (0: off)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--token-lifetime-seconds", options.token_lifetime_seconds,
                 "lifetime of tokens issued by /oauth2/token")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--app-key", options.app_key, "client_id the refresh grant accepts")
      ->capture_default_str();
  app.add_option("--app-secret", options.app_secret, "client_secret the refresh grant accepts");
  app.add_option("--refresh-token", options.refresh_token,
                 "refresh token the refresh grant accepts");
  app.add_option("--header-timeout-ms", header_timeout_ms,
                 "time for a request's headers to arrive; idle connections close after it")
      ->capture_default_str()
      ->check(CLI::Range(1LL, k_one_day_ms));
  app.add_option("--body-timeout-ms", body_timeout_ms,
                 "time for a request's body to arrive (and a response to be taken)")
      ->capture_default_str()
      ->check(CLI::Range(1LL, k_one_day_ms));
  app.add_option("--max-connections", options.max_connections,
                 "connections served at once; more get 503")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{100'000}));
  app.add_option("--max-body-bytes", options.max_body_bytes, "larger request bodies get 413")
      ->capture_default_str()
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 32));
  std::vector<std::string> scopes;
  auto* scopes_option =
      app.add_option("--scopes", scopes,
                     "comma-separated OAuth scopes of every token (default: all), e.g. "
                     "members.read,team_info.read")
          ->delimiter(',');
  auto* certificate = app.add_option("--tls-cert", options.tls_certificate_path,
                                     "serve HTTPS with this PEM certificate (chain)");
  auto* key = app.add_option("--tls-key", options.tls_key_path, "PEM private key of --tls-cert");
  certificate->needs(key);
  key->needs(certificate);
  CLI11_PARSE(app, argc, argv);
  options.latency = std::chrono::milliseconds(latency_ms);
  options.header_timeout = std::chrono::milliseconds(header_timeout_ms);
  options.body_timeout = std::chrono::milliseconds(body_timeout_ms);
  if (scopes_option->count() > 0) options.scopes = scopes;

  // Signals are taken synchronously by this thread (sigwait), never by server threads.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  auto emulator = roster::emulator::Emulator::start(options);
  if (!emulator) {
    std::cerr << "roster-emulator: error: " << emulator.error().message << '\n';
    return 1;
  }
  std::cout << "listening on " << (*emulator)->url() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  (*emulator)->stop();
  std::cerr << "roster-emulator: stopped\n";
  return 0;
}
