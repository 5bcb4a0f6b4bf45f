#include "store/ids.hpp"

namespace roster::emulator {

namespace {

constexpr std::string_view k_base62 =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
constexpr std::string_view k_hex = "0123456789abcdef";

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// `filler` pseudo-random characters followed by `seq` in `tail` fixed-width digits.
std::string encode(std::uint64_t seq, std::uint64_t salt, std::size_t filler, std::size_t tail,
                   std::string_view alphabet) {
  std::string out(filler + tail, '0');
  std::uint64_t state = mix(seq ^ salt);
  for (std::size_t i = 0; i < filler; ++i) {
    if (i % 8 == 7) state = mix(state);
    out[i] = alphabet[state % alphabet.size()];
    state /= alphabet.size();
  }
  std::uint64_t rest = seq;
  for (std::size_t i = 0; i < tail; ++i) {
    out[filler + tail - 1 - i] = alphabet[rest % alphabet.size()];
    rest /= alphabet.size();
  }
  return out;
}

// The `seq` of an id `prefix` + encode(seq, ..., filler, tail, alphabet), if it has that shape.
std::optional<std::uint64_t> decode_seq(std::string_view id, std::string_view prefix,
                                        std::size_t filler, std::size_t tail,
                                        std::string_view alphabet) {
  if (id.size() != prefix.size() + filler + tail || id.substr(0, prefix.size()) != prefix) {
    return std::nullopt;
  }
  for (const char c : id.substr(prefix.size())) {
    if (alphabet.find(c) == std::string_view::npos) return std::nullopt;
  }
  std::uint64_t seq = 0;
  for (const char c : id.substr(id.size() - tail))
    seq = seq * alphabet.size() + alphabet.find(c);
  return seq;
}

}  // namespace

std::optional<std::uint64_t> team_member_id_seq(std::string_view id) {
  return decode_seq(id, "dbmid:AA", 25, 8, k_base62);
}

std::optional<std::uint64_t> account_id_seq(std::string_view id) {
  return decode_seq(id, "dbid:AA", 25, 8, k_base62);
}

std::optional<std::uint64_t> group_id_seq(std::string_view id) {
  return decode_seq(id, "g:", 20, 12, k_hex);
}

std::string make_team_member_id(std::uint64_t seq) {
  return "dbmid:AA" + encode(seq, 0x6d656d626572ULL, 25, 8, k_base62);
}

std::string make_account_id(std::uint64_t seq) {
  return "dbid:AA" + encode(seq, 0x6163636f756e74ULL, 25, 8, k_base62);
}

std::string make_group_id(std::uint64_t seq) {
  return "g:" + encode(seq, 0x67726f7570ULL, 20, 12, k_hex);
}

std::string make_job_id(std::uint64_t seq) {
  return "dbjid:AA" + encode(seq, 0x6a6f62ULL, 24, 8, k_base62);
}

std::string make_request_id(std::uint64_t seq) {
  return encode(seq, 0x726571ULL, 20, 12, k_hex);
}

}  // namespace roster::emulator
