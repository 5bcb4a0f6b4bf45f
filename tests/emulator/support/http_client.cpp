#include "support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <cctype>

namespace roster::emulator::test {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

struct HttpClient::Impl {
  std::uint16_t port;
  asio::io_context io;
  tcp::socket socket{io};
  boost::beast::flat_buffer buffer;
  bool connected = false;
  int opened = 0;

  bool connect() {
    boost::system::error_code ec;
    socket = tcp::socket(io);
    socket.connect(tcp::endpoint(asio::ip::make_address_v4("127.0.0.1"), port), ec);
    if (ec) return false;
    socket.set_option(tcp::no_delay(true), ec);
    buffer.clear();
    connected = true;
    ++opened;
    return true;
  }
};

HttpClient::HttpClient(std::uint16_t port) : m_impl(std::make_unique<Impl>()) {
  m_impl->port = port;
}

HttpClient::~HttpClient() {
  boost::system::error_code ec;
  m_impl->socket.close(ec);
}

int HttpClient::connections_opened() const {
  return m_impl->opened;
}

Reply HttpClient::send(const ClientRequest& request) {
  if (!m_impl->connected && !m_impl->connect()) return Reply{};  // refused: status 0
  http::request<http::string_body> message{http::string_to_verb(request.method), request.target,
                                           11};
  message.set(http::field::host, "127.0.0.1");
  if (request.authorization) message.set(http::field::authorization, *request.authorization);
  if (request.content_type) message.set(http::field::content_type, *request.content_type);
  message.body() = request.body;
  message.keep_alive(true);
  message.prepare_payload();
  boost::system::error_code ec;
  http::write(m_impl->socket, message, ec);
  http::response<http::string_body> response;
  if (!ec) http::read(m_impl->socket, m_impl->buffer, response, ec);
  Reply reply;
  if (ec) {
    m_impl->connected = false;  // closed without a response
    return reply;
  }
  reply.status = static_cast<int>(response.result_int());
  for (const auto& field : response) {
    std::string name(field.name_string());
    for (auto& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  reply.content_type = reply.header("content-type");
  reply.body = response.body();
  if (!response.keep_alive()) m_impl->connected = false;
  return reply;
}

}  // namespace roster::emulator::test
