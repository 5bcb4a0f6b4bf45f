#include "server/http_server.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

#include "server/connection.hpp"
#include "server/tls_context.hpp"

namespace roster::emulator {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

// Connections past the limit that are still answered 503 at the same time; past these
// too, new connections are closed at once.
constexpr std::size_t k_refusing_slots = 16;

struct Connection {
  tcp::socket socket;
  bool refusing;  // past the limit: answered 503
  Deadline deadline;
  std::thread thread;
  std::atomic<bool> finished{false};
  Connection(tcp::socket s, bool refuse) : socket(std::move(s)), refusing(refuse) {}
};

HttpResponse too_many_connections(std::size_t limit) {
  HttpResponse response;
  response.status = 503;
  response.content_type = "text/plain; charset=utf-8";
  response.body = "Service Unavailable: more than " + std::to_string(limit) +
                  " connections are open; try again later";
  response.keep_alive = false;
  return response;
}

}  // namespace

struct HttpServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  Handler handler;
  Handler refusal;  // answers connections past the limit
  std::shared_ptr<TlsContext> tls;
  ServerLimits limits;
  std::thread accept_thread;
  std::thread watchdog_thread;
  std::mutex mutex;  // guards connections, stopping
  std::condition_variable wake;
  std::list<Connection> connections;
  bool stopping = false;

  void accept_loop();
  void watchdog();
  void admit(tcp::socket socket);
  void serve(Connection& connection);
  bool wait(std::chrono::milliseconds delay);
  void reap();
};

bool HttpServer::Impl::wait(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex);
  return !wake.wait_for(lock, delay, [&] { return stopping; });
}

void HttpServer::Impl::serve(Connection& connection) {
  ConnectionContext context{connection.refusing ? refusal : handler, limits, connection.deadline,
                            [this](auto delay) { return wait(delay); }};
  serve_connection(connection.socket, tls.get(), context);
  std::lock_guard lock(mutex);  // stop() and the watchdog may be shutting this socket down
  boost::system::error_code ec;
  connection.socket.shutdown(tcp::socket::shutdown_both, ec);
  connection.socket.close(ec);
  connection.finished = true;
}

// Expires deadlines: shutting a socket down wakes the thread blocked on it.
void HttpServer::Impl::watchdog() {
  const auto shortest = std::min(limits.header_timeout, limits.body_timeout);
  const auto tick =
      std::clamp(shortest / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(100));
  std::unique_lock lock(mutex);
  while (!wake.wait_for(lock, tick, [&] { return stopping; })) {
    const auto now = Deadline::Clock::now();
    for (auto& connection : connections) {
      if (connection.finished) continue;
      if (const auto shut = connection.deadline.expire(now)) {
        ::shutdown(connection.socket.native_handle(),
                   *shut == Deadline::Shut::read ? SHUT_RD : SHUT_RDWR);
      }
    }
  }
}

void HttpServer::Impl::reap() {
  std::lock_guard lock(mutex);
  for (auto it = connections.begin(); it != connections.end();) {
    if (it->finished) {
      it->thread.join();
      it = connections.erase(it);
    } else {
      ++it;
    }
  }
}

// Called with `mutex` held. Within the limit: served; just past it: answered 503; else closed.
void HttpServer::Impl::admit(tcp::socket socket) {
  const auto refusing = static_cast<std::size_t>(
      std::count_if(connections.begin(), connections.end(),
                    [](const Connection& c) { return c.refusing && !c.finished; }));
  const auto served =
      static_cast<std::size_t>(std::count_if(connections.begin(), connections.end(),
                                             [](const Connection& c) { return !c.finished; })) -
      refusing;
  const bool refuse = served >= limits.max_connections;
  if (refuse && refusing >= k_refusing_slots) return;  // the socket closes on destruction
  auto& connection = connections.emplace_back(std::move(socket), refuse);
  connection.thread = std::thread([this, &connection] { serve(connection); });
}

void HttpServer::Impl::accept_loop() {
  for (;;) {
    tcp::socket socket(io);
    boost::system::error_code ec;
    acceptor.accept(socket, ec);
    reap();
    std::lock_guard lock(mutex);
    if (stopping) return;
    if (!ec) admit(std::move(socket));
  }
}

Result<std::unique_ptr<HttpServer>> HttpServer::listen(const ServerOptions& options,
                                                             Handler handler) {
  auto impl = std::make_unique<Impl>();
  impl->handler = std::move(handler);
  impl->refusal = [limit = options.limits.max_connections](const HttpRequest&) {
    return too_many_connections(limit);
  };
  impl->tls = options.tls;
  impl->limits = options.limits;
  boost::system::error_code ec;
  const tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"), options.port);
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return make_error(
        ErrorKind::unavailable,
        "cannot listen on 127.0.0.1:" + std::to_string(options.port) + ": " + ec.message());
  }
  auto* raw = impl.get();
  raw->accept_thread = std::thread([raw] { raw->accept_loop(); });
  raw->watchdog_thread = std::thread([raw] { raw->watchdog(); });
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HttpServer::~HttpServer() {
  stop();
}

std::uint16_t HttpServer::port() const noexcept {
  boost::system::error_code ec;
  return m_impl->acceptor.local_endpoint(ec).port();
}

bool HttpServer::is_tls() const noexcept {
  return m_impl->tls != nullptr;
}

void HttpServer::stop() {
  {
    std::lock_guard lock(m_impl->mutex);
    if (m_impl->stopping) return;
    m_impl->stopping = true;
    // shutdown(2) is safe while other threads block on these sockets: it wakes them.
    ::shutdown(m_impl->acceptor.native_handle(), SHUT_RDWR);
    for (auto& connection : m_impl->connections) {
      ::shutdown(connection.socket.native_handle(), SHUT_RDWR);
    }
  }
  m_impl->wake.notify_all();
  if (m_impl->accept_thread.joinable()) m_impl->accept_thread.join();
  if (m_impl->watchdog_thread.joinable()) m_impl->watchdog_thread.join();
  for (auto& connection : m_impl->connections) {
    if (connection.thread.joinable()) connection.thread.join();
  }
  m_impl->connections.clear();
  boost::system::error_code ec;
  m_impl->acceptor.close(ec);
}

}  // namespace roster::emulator
