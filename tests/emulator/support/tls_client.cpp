#include "support/tls_client.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace roster::emulator::test {

namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

// OpenSSL checks the name itself, so a mismatch shows up in its verify result.
void expect_host(SSL* connection, const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  if (!ec) {
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(connection), host.c_str());
    return;
  }
  // SSL_set_tlsext_host_name without its C cast.
  SSL_ctrl(connection, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
           const_cast<char*>(host.c_str()));
  SSL_set1_host(connection, host.c_str());
}

Reply exchange(ssl::stream<tcp::socket>& stream, const ClientRequest& request) {
  http::request<http::string_body> message{http::string_to_verb(request.method), request.target,
                                           11};
  message.set(http::field::host, "127.0.0.1");
  if (request.authorization) message.set(http::field::authorization, *request.authorization);
  if (request.content_type) message.set(http::field::content_type, *request.content_type);
  message.body() = request.body;
  message.prepare_payload();
  boost::system::error_code ec;
  http::write(stream, message, ec);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  if (!ec) http::read(stream, buffer, response, ec);
  Reply reply;
  if (ec) return reply;
  reply.status = static_cast<int>(response.result_int());
  reply.content_type = std::string(response[http::field::content_type]);
  reply.body = response.body();
  return reply;
}

}  // namespace

TlsExchange send_over_tls(std::uint16_t port, const std::string& ca_file, const std::string& host,
                          const ClientRequest& request) {
  asio::io_context io;
  ssl::context context(ssl::context::tls_client);
  context.load_verify_file(ca_file);
  context.set_verify_mode(ssl::verify_peer);
  ssl::stream<tcp::socket> stream(io, context);
  expect_host(stream.native_handle(), host);
  TlsExchange result;
  boost::system::error_code ec;
  stream.next_layer().connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), port), ec);
  if (ec) return result;
  stream.handshake(ssl::stream_base::client, ec);
  result.verify_result =
      X509_verify_cert_error_string(SSL_get_verify_result(stream.native_handle()));
  result.handshake_ok = !ec;
  if (result.handshake_ok) result.reply = exchange(stream, request);
  return result;
}

}  // namespace roster::emulator::test
