#include "server/http_server.hpp"

#include <sys/socket.h>

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

struct Connection {
  tcp::socket socket;
  std::thread thread;
  std::atomic<bool> finished{false};
  explicit Connection(tcp::socket s) : socket(std::move(s)) {}
};

}  // namespace

struct HttpServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  Handler handler;
  std::shared_ptr<TlsContext> tls;
  std::thread accept_thread;
  std::mutex mutex;  // guards connections, stopping
  std::condition_variable wake;
  std::list<Connection> connections;
  bool stopping = false;

  void accept_loop();
  void serve(Connection& connection);
  bool wait(std::chrono::milliseconds delay);
  void reap();
};

bool HttpServer::Impl::wait(std::chrono::milliseconds delay) {
  std::unique_lock lock(mutex);
  return !wake.wait_for(lock, delay, [&] { return stopping; });
}

void HttpServer::Impl::serve(Connection& connection) {
  ConnectionContext context{handler, [this](auto delay) { return wait(delay); }};
  serve_connection(connection.socket, tls.get(), context);
  std::lock_guard lock(mutex);  // stop() may be shutting this socket down right now
  boost::system::error_code ec;
  connection.socket.shutdown(tcp::socket::shutdown_both, ec);
  connection.socket.close(ec);
  connection.finished = true;
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

void HttpServer::Impl::accept_loop() {
  for (;;) {
    tcp::socket socket(io);
    boost::system::error_code ec;
    acceptor.accept(socket, ec);
    reap();
    std::lock_guard lock(mutex);
    if (stopping) return;
    if (ec) continue;
    auto& connection = connections.emplace_back(std::move(socket));
    connection.thread = std::thread([this, &connection] { serve(connection); });
  }
}

core::Result<std::unique_ptr<HttpServer>> HttpServer::listen(const ServerOptions& options,
                                                             Handler handler) {
  auto impl = std::make_unique<Impl>();
  impl->handler = std::move(handler);
  impl->tls = options.tls;
  boost::system::error_code ec;
  const tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"), options.port);
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::make_error(
        core::ErrorKind::unavailable,
        "cannot listen on 127.0.0.1:" + std::to_string(options.port) + ": " + ec.message());
  }
  auto* raw = impl.get();
  raw->accept_thread = std::thread([raw] { raw->accept_loop(); });
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
  for (auto& connection : m_impl->connections) {
    if (connection.thread.joinable()) connection.thread.join();
  }
  m_impl->connections.clear();
  boost::system::error_code ec;
  m_impl->acceptor.close(ec);
}

}  // namespace roster::emulator
