#include "wire/cursor.hpp"

#include <charconv>
#include <vector>

namespace roster::emulator {

namespace {

constexpr std::string_view k_alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::uint64_t checksum(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a, salted so ids cannot be forged by hand
  for (const char c : "roster-emulator-cursor")
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  for (const char c : text)
    hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return hash;
}

std::string base64url(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += k_alphabet[(buffer >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += k_alphabet[(buffer << (6 - bits)) & 0x3F];
  return out;
}

std::optional<std::string> unbase64url(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto value = k_alphabet.find(c);
    if (value == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

template <typename T>
bool parse_number(std::string_view text, T& out) {
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc{} && ptr == end && !text.empty();
}

}  // namespace

std::string encode_cursor(const Cursor& cursor) {
  std::string payload = std::string(1, cursor.kind) + "|" + std::to_string(cursor.position) + "|" +
                        std::to_string(cursor.limit) + "|" + (cursor.include_removed ? "1" : "0") +
                        "|" + std::to_string(cursor.scope);
  payload += "|" + std::to_string(checksum(payload));
  return base64url(payload);
}

std::optional<Cursor> decode_cursor(std::string_view text) {
  const auto payload = unbase64url(text);
  if (!payload) return std::nullopt;
  const auto parts = split(*payload, '|');
  if (parts.size() != 6 || parts[0].size() != 1) return std::nullopt;
  std::uint64_t sum = 0;
  if (!parse_number(parts[5], sum)) return std::nullopt;
  const auto signed_part = std::string_view(*payload).substr(0, payload->rfind('|'));
  if (sum != checksum(signed_part)) return std::nullopt;
  Cursor cursor;
  cursor.kind = parts[0][0];
  if (!parse_number(parts[1], cursor.position) || !parse_number(parts[2], cursor.limit) ||
      !parse_number(parts[4], cursor.scope) || (parts[3] != "0" && parts[3] != "1")) {
    return std::nullopt;
  }
  cursor.include_removed = parts[3] == "1";
  return cursor;
}

}  // namespace roster::emulator
