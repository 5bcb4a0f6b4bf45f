#include "server/http_server.hpp"

#include <sys/socket.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>

namespace roster::emulator {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr std::uint64_t k_body_limit = 64U << 20;

struct Connection {
  tcp::socket socket;
  std::thread thread;
  std::atomic<bool> finished{false};
  explicit Connection(tcp::socket s) : socket(std::move(s)) {}
};

HttpRequest to_request(const http::request<http::string_body>& message) {
  HttpRequest request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  if (auto it = message.find(http::field::authorization); it != message.end()) {
    request.authorization = std::string(it->value());
  }
  if (auto it = message.find(http::field::content_type); it != message.end()) {
    request.content_type = std::string(it->value());
  }
  request.body = message.body();
  return request;
}

}  // namespace

struct HttpServer::Impl {
  asio::io_context io;
  tcp::acceptor acceptor{io};
  Handler handler;
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
  auto& socket = connection.socket;
  boost::system::error_code ec;
  socket.set_option(tcp::no_delay(true), ec);
  boost::beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(k_body_limit);
    http::read_header(socket, buffer, parser, ec);
    if (!ec && boost::beast::iequals(parser.get()[http::field::expect], "100-continue")) {
      // curl sends this for bodies over 1 KB and would otherwise wait a second.
      http::response<http::empty_body> proceed{http::status::continue_, 11};
      http::write(socket, proceed, ec);
    }
    if (!ec && !parser.is_done()) http::read(socket, buffer, parser, ec);
    if (ec) {
      if (ec != http::error::end_of_stream && ec != asio::error::eof &&
          ec != asio::error::connection_reset && ec != asio::error::operation_aborted &&
          ec != asio::error::bad_descriptor) {
        http::response<http::string_body> bad{http::status::bad_request, 11};
        bad.set(http::field::content_type, "text/plain; charset=utf-8");
        bad.body() = "Bad Request: " + ec.message();
        bad.keep_alive(false);
        bad.prepare_payload();
        http::write(socket, bad, ec);
      }
      break;
    }
    const auto& message = parser.get();
    auto answer = handler(to_request(message));
    if (answer.delay.count() > 0 && !wait(answer.delay)) break;
    if (answer.drop_connection) break;  // closed below without a response
    http::response<http::string_body> response{static_cast<http::status>(answer.status),
                                               message.version()};
    if (!answer.content_type.empty()) response.set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers)
      response.set(name, value);
    response.body() = std::move(answer.body);
    response.keep_alive(message.keep_alive());
    response.prepare_payload();
    http::write(socket, response, ec);
    if (ec || !response.keep_alive()) break;
  }
  std::lock_guard lock(mutex);  // stop() may be shutting this socket down right now
  socket.shutdown(tcp::socket::shutdown_both, ec);
  socket.close(ec);
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

core::Result<std::unique_ptr<HttpServer>> HttpServer::listen(std::uint16_t port, Handler handler) {
  auto impl = std::make_unique<Impl>();
  impl->handler = std::move(handler);
  boost::system::error_code ec;
  const tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"), port);
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::make_error(
        core::ErrorKind::unavailable,
        "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + ec.message());
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
