#include "support/scripted_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace roster::test {

namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool read_request(int fd, ScriptedRequest& request) {
  std::string raw;
  char buffer[16384];
  std::size_t head_end = std::string::npos;
  while ((head_end = raw.find("\r\n\r\n")) == std::string::npos) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    raw.append(buffer, static_cast<std::size_t>(n));
  }
  request.head = raw.substr(0, head_end + 2);
  auto first_space = request.head.find(' ');
  auto second_space = request.head.find(' ', first_space + 1);
  request.method = request.head.substr(0, first_space);
  request.target = request.head.substr(first_space + 1, second_space - first_space - 1);
  std::string length = request.header("Content-Length");
  std::size_t want = length.empty() ? 0 : std::stoul(length);
  request.body = raw.substr(head_end + 4);
  while (request.body.size() < want) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) return false;
    request.body.append(buffer, static_cast<std::size_t>(n));
  }
  return true;
}

void write_response(int fd, const ScriptedResponse& response) {
  std::string text = "HTTP/1.1 " + std::to_string(response.status) + " Scripted\r\n" +
                     "Content-Type: " + response.content_type + "\r\n" +
                     "Content-Length: " + std::to_string(response.body.size()) + "\r\n" +
                     "Connection: close\r\n";
  for (const auto& [name, value] : response.headers)
    text += name + ": " + value + "\r\n";
  text += "\r\n" + response.body;
  for (std::size_t sent = 0; sent < text.size();) {
    ssize_t n = ::send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return;
    sent += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string ScriptedRequest::header(const std::string& name) const {
  std::string wanted = "\r\n" + lower(name) + ":";
  std::string lowered = lower(head);
  auto at = lowered.find(wanted);
  if (at == std::string::npos) return "";
  auto start = at + wanted.size();
  auto end = head.find("\r\n", start);
  std::string value = head.substr(start, end - start);
  value.erase(0, value.find_first_not_of(' '));
  return value;
}

ScriptedServer::ScriptedServer(Handler handler) : m_handler(std::move(handler)) {
  m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      ::listen(m_listener, 64) != 0 ||
      ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
    throw std::runtime_error("ScriptedServer: cannot listen on 127.0.0.1");
  }
  m_port = ntohs(address.sin_port);
  m_acceptor = std::thread([this] { accept_loop(); });
}

ScriptedServer::~ScriptedServer() {
  m_stopping = true;
  m_acceptor.join();
  ::close(m_listener);
  for (auto& t : m_connections)
    t.join();
}

std::vector<ScriptedRequest> ScriptedServer::requests() {
  std::lock_guard lock(m_mutex);
  return m_requests;
}

void ScriptedServer::accept_loop() {
  while (!m_stopping) {
    pollfd waiting{m_listener, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    std::lock_guard lock(m_mutex);
    m_connections.emplace_back([this, fd] { serve(fd); });
  }
}

void ScriptedServer::serve(int fd) {
  timeval limit{5, 0};  // a client that never sends does not hold the test
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  ScriptedRequest request;
  if (read_request(fd, request)) {
    {
      std::lock_guard lock(m_mutex);
      m_requests.push_back(request);
    }
    write_response(fd, m_handler(request));
  }
  ::close(fd);
}

}  // namespace roster::test
