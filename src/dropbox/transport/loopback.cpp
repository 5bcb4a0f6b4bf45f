#include "dropbox/transport/loopback.hpp"

#include <arpa/inet.h>

#include <array>
#include <string>

namespace roster::dropbox {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

bool is_loopback_v4(const std::string& text) {
  std::array<unsigned char, 4> address{};
  return ::inet_pton(AF_INET, text.c_str(), address.data()) == 1 && address[0] == 127;
}

bool is_loopback_v6(const std::string& text) {
  std::array<unsigned char, 16> a{};
  if (::inet_pton(AF_INET6, text.c_str(), a.data()) != 1) return false;
  bool zero_prefix = true;
  for (std::size_t i = 0; i < 10; ++i)
    zero_prefix = zero_prefix && a[i] == 0;
  if (!zero_prefix) return false;
  if (a[10] == 0 && a[11] == 0 && a[12] == 0 && a[13] == 0 && a[14] == 0) {
    return a[15] == 1;  // ::1
  }
  return a[10] == 0xff && a[11] == 0xff && a[12] == 127;  // ::ffff:127.x.y.z
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') {
    return is_loopback_v6(std::string(host.substr(1, host.size() - 2)));
  }
  if (equals_ignoring_case(host, "localhost")) return true;
  std::string text(host);
  return text.find(':') != std::string::npos ? is_loopback_v6(text) : is_loopback_v4(text);
}

}  // namespace roster::dropbox
