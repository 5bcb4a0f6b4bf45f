#include "roster/emulator/emulator.hpp"

#include <chrono>

#include "persistence/state_codec.hpp"
#include "persistence/state_journal.hpp"
#include "routes/router.hpp"
#include "server/http_server.hpp"
#include "server/tls_context.hpp"

namespace roster::emulator {

namespace {

Result<TeamState> initial_state(const EmulatorOptions& options, UnixSeconds now) {
  auto saved = load_saved_state(options.state_path, now);
  if (saved || saved.error().kind != ErrorKind::not_found) return saved;
  if (options.seed_path.empty()) return default_state(now);
  auto text = read_file(options.seed_path);
  if (!text) return text.error();
  auto seeded = decode_seed(*text, now);
  if (!seeded) {
    auto error = seeded.error();
    error.message = options.seed_path + ": " + error.message;
    return error;
  }
  return seeded;
}

Result<std::shared_ptr<TlsContext>> load_tls(const EmulatorOptions& options) {
  if (options.tls_certificate_path.empty() && options.tls_key_path.empty()) {
    return std::shared_ptr<TlsContext>();
  }
  if (options.tls_certificate_path.empty() || options.tls_key_path.empty()) {
    return make_error(ErrorKind::invalid_input,
                            "a TLS certificate and its key go together (--tls-cert, --tls-key)");
  }
  return load_tls_context({options.tls_certificate_path, options.tls_key_path});
}

}  // namespace

struct Emulator::Impl {
  std::unique_ptr<StateJournal> journal;
  std::unique_ptr<Router> router;
  std::unique_ptr<HttpServer> server;
};

Result<std::unique_ptr<Emulator>> Emulator::start(const EmulatorOptions& options) {
  if (options.state_path.empty()) {
    return make_error(ErrorKind::invalid_input, "a state file is required");
  }
  // Options are checked before the state is touched: a bad certificate writes nothing.
  auto tls = load_tls(options);
  if (!tls) return tls.error();
  if (options.header_timeout.count() <= 0 || options.body_timeout.count() <= 0 ||
      options.max_connections == 0 || options.max_body_bytes == 0) {
    return make_error(ErrorKind::invalid_input,
                            "timeouts, the connection limit and the body limit must be positive");
  }
  auto scopes =
      options.scopes ? ScopeGrant::only(*options.scopes) : Result<ScopeGrant>(ScopeGrant());
  if (!scopes) return scopes.error();
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  auto state = initial_state(options, now);
  if (!state) return state.error();
  auto journal = StateJournal::open(options.state_path);
  if (!journal) return journal.error();
  // Start from a fresh snapshot: the journal is folded in and emptied (compaction).
  if (!(*journal)->write_snapshot(encode_state(*state))) {
    return make_error(ErrorKind::internal,
                            "cannot write state file " + options.state_path);
  }
  auto impl = std::make_unique<Impl>();
  impl->journal = std::move(*journal);
  RouterOptions router_options;
  router_options.token = options.token;
  router_options.scopes = std::move(*scopes);
  router_options.oauth = {options.app_key, options.app_secret, options.refresh_token,
                          options.token_lifetime_seconds};
  router_options.rate_limit = options.rate_limit;
  router_options.latency = options.latency;
  impl->router = std::make_unique<Router>(std::move(*state), router_options, *impl->journal);
  auto* router = impl->router.get();
  ServerOptions server_options;
  server_options.port = options.port;
  server_options.tls = std::move(*tls);
  server_options.limits = {options.header_timeout, options.body_timeout, options.max_connections,
                           options.max_body_bytes};
  auto server = HttpServer::listen(
      server_options, [router](const HttpRequest& request) { return router->handle(request); });
  if (!server) return server.error();
  impl->server = std::move(*server);
  return std::unique_ptr<Emulator>(new Emulator(std::move(impl)));
}

Emulator::Emulator(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Emulator::~Emulator() {
  stop();
}

std::uint16_t Emulator::port() const noexcept {
  return m_impl->server->port();
}

std::string Emulator::url() const {
  return (m_impl->server->is_tls() ? "https://127.0.0.1:" : "http://127.0.0.1:") +
         std::to_string(port());
}

void Emulator::stop() {
  m_impl->server->stop();
}

}  // namespace roster::emulator
