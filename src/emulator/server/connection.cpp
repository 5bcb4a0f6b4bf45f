#include "server/connection.hpp"

#include <optional>
#include <string>

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
using Parser = http::request_parser<http::string_body>;

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

// How a connection ended: a TLS connection the server closes on purpose says so (close_notify).
enum class Ending { peer_left, closing, dropped };

template <typename Stream>
void write_with_deadline(Stream& stream, auto& message, ConnectionContext& context,
                         boost::system::error_code& ec) {
  context.deadline.set(context.limits.body_timeout, Deadline::Shut::both);
  http::write(stream, message, ec);
  context.deadline.clear();
}

// An answer of the server's own (400, 408, 413); the connection closes after it.
template <typename Stream>
Ending answer_text(Stream& stream, ConnectionContext& context, http::status status,
                   std::string text) {
  http::response<http::string_body> response{status, 11};
  response.set(http::field::content_type, "text/plain; charset=utf-8");
  response.body() = std::move(text);
  response.keep_alive(false);
  response.prepare_payload();
  boost::system::error_code ec;
  write_with_deadline(stream, response, context, ec);
  return Ending::closing;
}

std::string milliseconds(std::chrono::milliseconds duration) {
  return std::to_string(duration.count()) + " ms";
}

// Why no request could be read, answered when there is someone to answer.
template <typename Stream>
Ending refuse_request(Stream& stream, ConnectionContext& context, const Parser& parser,
                      const boost::system::error_code& ec) {
  const auto& limits = context.limits;
  if (context.deadline.has_expired()) {
    if (!parser.got_some()) return Ending::closing;  // an idle keep-alive connection
    return answer_text(
        stream, context, http::status::request_timeout,
        parser.is_header_done()
            ? "Request Timeout: the body did not arrive within " + milliseconds(limits.body_timeout)
            : "Request Timeout: the headers did not arrive within " +
                  milliseconds(limits.header_timeout));
  }
  if (ec == http::error::body_limit) {
    return answer_text(stream, context, http::status::payload_too_large,
                       "Payload Too Large: request bodies are limited to " +
                           std::to_string(limits.max_body_bytes) + " bytes");
  }
  if (is_departure(ec)) return Ending::peer_left;
  return answer_text(stream, context, http::status::bad_request, "Bad Request: " + ec.message());
}

// Reads one request, each part within its deadline; an Ending when there is none to answer.
template <typename Stream>
std::optional<Ending> read_request(Stream& stream, boost::beast::flat_buffer& buffer,
                                   Parser& parser, ConnectionContext& context) {
  boost::system::error_code ec;
  parser.body_limit(context.limits.max_body_bytes);
  context.deadline.set(context.limits.header_timeout, Deadline::Shut::read);
  http::read_header(stream, buffer, parser, ec);
  if (!ec && boost::beast::iequals(parser.get()[http::field::expect], "100-continue")) {
    // curl sends this for bodies over 1 KB and would otherwise wait a second.
    http::response<http::empty_body> proceed{http::status::continue_, 11};
    http::write(stream, proceed, ec);
  }
  if (!ec && !parser.is_done()) {
    context.deadline.set(context.limits.body_timeout, Deadline::Shut::read);
    http::read(stream, buffer, parser, ec);
  }
  context.deadline.clear();
  if (!ec) return std::nullopt;
  return refuse_request(stream, context, parser, ec);
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
  response.keep_alive(message.keep_alive() && answer.keep_alive);
  response.prepare_payload();
  boost::system::error_code ec;
  write_with_deadline(stream, response, context, ec);
  if (ec) return Ending::peer_left;
  if (!response.keep_alive()) return Ending::closing;
  return std::nullopt;
}

template <typename Stream>
Ending serve_stream(Stream& stream, ConnectionContext& context) {
  boost::beast::flat_buffer buffer;
  for (;;) {
    Parser parser;
    if (auto ending = read_request(stream, buffer, parser, context)) return *ending;
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
  context.deadline.set(context.limits.header_timeout, Deadline::Shut::both);
  stream.handshake(asio::ssl::stream_base::server, ec);
  context.deadline.clear();
  if (ec) return;  // not TLS, too slow, or the client refused our certificate
  if (serve_stream(stream, context) != Ending::closing) return;
  // Send close_notify without waiting for the peer's (marked as already received).
  ::SSL_set_shutdown(stream.native_handle(), SSL_RECEIVED_SHUTDOWN);
  context.deadline.set(context.limits.body_timeout, Deadline::Shut::both);
  stream.shutdown(ec);
  context.deadline.clear();
}

}  // namespace roster::emulator
