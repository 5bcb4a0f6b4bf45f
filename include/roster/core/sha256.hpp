#pragma once

#include <string>
#include <string_view>

namespace roster::core {

/// The SHA-256 digest of `data` as 64 lower-case hex digits (FIPS 180-4). Used for
/// manifest digests and plan-file fingerprints, not for secrets.
[[nodiscard]] std::string sha256_hex(std::string_view data);

/// The SHA-256 digest of `data` in standard base64 (RFC 4648, with padding), as a
/// Content-Security-Policy source hash wants it ('sha256-<base64>').
[[nodiscard]] std::string sha256_base64(std::string_view data);

}  // namespace roster::core
