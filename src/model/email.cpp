#include "roster/model/email.hpp"

#include <algorithm>

namespace roster::model {

namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}
bool is_local_char(char c) {
  return is_alnum(c) || std::string_view("'#&._%+-").find(c) != std::string_view::npos;
}

}  // namespace

std::string normalise_email(std::string_view email) {
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// ^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$ without a regex
// engine: the top-level domain cannot hold a dot, so the split is at the last dot.
bool is_valid_email(std::string_view email) {
  if (email.size() > k_max_email_length) return false;
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  std::string_view local = email.substr(0, at);
  std::string_view domain = email.substr(at + 1);
  if (!std::all_of(local.begin(), local.end(), is_local_char)) return false;
  auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  std::string_view host = domain.substr(0, dot);
  std::string_view tld = domain.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 15 || !std::all_of(tld.begin(), tld.end(), is_alpha)) {
    return false;
  }
  if (!(is_alnum(host[0]) || host[0] == '-')) return false;
  return std::all_of(host.begin() + 1, host.end(),
                     [](char c) { return is_alnum(c) || c == '.' || c == '-'; });
}

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool is_valid_name_part(std::string_view name) {
  return utf8_length(name) <= k_max_name_length &&
         name.find_first_of(k_name_forbidden_chars) == std::string_view::npos;
}

}  // namespace roster::model
