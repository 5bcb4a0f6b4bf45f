#include "server/connection.hpp"

#include <optional>

#include <boost/asio/ssl/error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "server/tls_context.hpp"

namespace roster::emulator {

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

constexpr std::uint64_t k_body_limit = 64U << 20;

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

// The peer left or the server is stopping: nothing to answer.
bool is_departure(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::operation_aborted ||
         ec == asio::error::bad_descriptor || ec == asio::ssl::error::stream_truncated;
}

template <typename Stream>
void answer_bad_request(Stream& stream, const boost::system::error_code& cause) {
  http::response<http::string_body> bad{http::status::bad_request, 11};
  bad.set(http::field::content_type, "text/plain; charset=utf-8");
  bad.body() = "Bad Request: " + cause.message();
  bad.keep_alive(false);
  bad.prepare_payload();
  boost::system::error_code ec;
  http::write(stream, bad, ec);
}

// How a connection ended: a TLS connection the server closes on purpose says so (close_notify).
enum class Ending { peer_left, closing, dropped };

// Reads one request; an Ending when there is none to answer (an error was answered, or
// the peer left).
template <typename Stream>
std::optional<Ending> read_request(Stream& stream, boost::beast::flat_buffer& buffer,
                                   http::request_parser<http::string_body>& parser) {
  boost::system::error_code ec;
  parser.body_limit(k_body_limit);
  http::read_header(stream, buffer, parser, ec);
  if (!ec && boost::beast::iequals(parser.get()[http::field::expect], "100-continue")) {
    // curl sends this for bodies over 1 KB and would otherwise wait a second.
    http::response<http::empty_body> proceed{http::status::continue_, 11};
    http::write(stream, proceed, ec);
  }
  if (!ec && !parser.is_done()) http::read(stream, buffer, parser, ec);
  if (!ec) return std::nullopt;
  if (is_departure(ec)) return Ending::peer_left;
  answer_bad_request(stream, ec);
  return Ending::closing;
}

// Answers one request; an Ending when the connection is to be closed.
template <typename Stream>
std::optional<Ending> answer(Stream& stream, const http::request<http::string_body>& message,
                             ConnectionContext& context) {
  auto answer = context.handler(to_request(message));
  if (answer.delay.count() > 0 && !context.wait(answer.delay)) return Ending::dropped;
  if (answer.drop_connection) return Ending::dropped;  // closed without a response
  http::response<http::string_body> response{static_cast<http::status>(answer.status),
                                             message.version()};
  if (!answer.content_type.empty()) response.set(http::field::content_type, answer.content_type);
  for (const auto& [name, value] : answer.headers)
    response.set(name, value);
  response.body() = std::move(answer.body);
  response.keep_alive(message.keep_alive());
  response.prepare_payload();
  boost::system::error_code ec;
  http::write(stream, response, ec);
  if (ec) return Ending::peer_left;
  if (!response.keep_alive()) return Ending::closing;
  return std::nullopt;
}

template <typename Stream>
Ending serve_stream(Stream& stream, ConnectionContext& context) {
  boost::beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    if (auto ending = read_request(stream, buffer, parser)) return *ending;
    if (auto ending = answer(stream, parser.get(), context)) return *ending;
  }
}

}  // namespace

void serve_connection(tcp::socket& socket, TlsContext* tls, ConnectionContext& context) {
  boost::system::error_code ec;
  socket.set_option(tcp::no_delay(true), ec);
  if (tls == nullptr) {
    serve_stream(socket, context);
    return;
  }
  asio::ssl::stream<tcp::socket&> stream(socket, tls->ssl);
  stream.handshake(asio::ssl::stream_base::server, ec);
  if (ec) return;  // not TLS, or the client refused our certificate
  if (serve_stream(stream, context) != Ending::closing) return;
  // Send close_notify without waiting for the peer's (marked as already received).
  ::SSL_set_shutdown(stream.native_handle(), SSL_RECEIVED_SHUTDOWN);
  stream.shutdown(ec);
}

}  // namespace roster::emulator
