#pragma once

#include <string_view>

namespace roster::dropbox {

/// True when `host` (as a URL carries it: lower-case, IPv6 in brackets) is a loopback
/// address: an IPv4 address in 127.0.0.0/8, the IPv6 address ::1 (or an IPv4-mapped
/// 127.x.y.z), or the literal name `localhost`. Decided by parsing the address, never by
/// a prefix: `127.evil.example` and `[::ffff:8.8.8.8]` are not loopback.
[[nodiscard]] bool is_loopback_host(std::string_view host);

}  // namespace roster::dropbox
