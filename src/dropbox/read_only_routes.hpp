#pragma once

#include <string_view>

namespace roster::dropbox {

/// True for the routes roster sends that only read (listings, job polls, lookups): these
/// may travel on pooled connections, which cpprestsdk may silently send again. Every other
/// route, including any route added later and not listed here, is treated as a write and
/// gets a connection of its own (transport/http_transport.hpp, docs/decisions/0040).
[[nodiscard]] bool is_read_only_route(std::string_view route) noexcept;

}  // namespace roster::dropbox
