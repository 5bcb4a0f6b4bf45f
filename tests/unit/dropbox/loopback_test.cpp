// Plain http:// is only for loopback: the host is parsed as an address, never prefix-matched.
#include <catch2/catch.hpp>

#include "dropbox/transport/loopback.hpp"

using roster::dropbox::is_loopback_host;

TEST_CASE("only loopback addresses and the name localhost count as loopback", "[dropbox][tls]") {
  struct Row {
    const char* host;
    bool loopback;
  };
  const Row rows[] = {
      {"127.0.0.1", true},
      {"127.0.0.2", true},
      {"127.255.255.254", true},
      {"localhost", true},
      {"LOCALHOST", true},
      {"[::1]", true},
      {"::1", true},
      {"[0:0:0:0:0:0:0:1]", true},
      {"[::ffff:127.0.0.1]", true},  // IPv4-mapped 127.0.0.1 is loopback too
      {"127.evil.example", false},
      {"127.0.0.1.evil.example", false},
      {"localhost.evil.example", false},
      {"evil.localhost", false},
      {"localhost.", false},
      {"[::ffff:8.8.8.8]", false},
      {"[::2]", false},
      {"[::]", false},
      {"[::1%25lo]", false},
      {"[::1", false},
      {"128.0.0.1", false},
      {"126.255.255.255", false},
      {"0.0.0.0", false},
      {"127.1", false},       // inet_aton would accept it; inet_pton does not
      {"0x7f.0.0.1", false},  // nor hexadecimal parts
      {"2130706433", false},  // nor a bare number
      {"%31%32%37.0.0.1", false},
      {"127.0.0.1 ", false},
      {"", false},
      {"api.dropboxapi.com", false},
  };
  for (const auto& row : rows) {
    INFO("host: \"" << row.host << "\"");
    CHECK(is_loopback_host(row.host) == row.loopback);
  }
}
