#include "routes/oauth_route.hpp"

#include <map>
#include <string>

#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
               hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

void parse_form(std::string_view text, std::map<std::string, std::string>& out) {
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    const auto eq = pair.find('=');
    if (!pair.empty()) {
      out[url_decode(pair.substr(0, eq))] =
          eq == std::string_view::npos ? std::string() : url_decode(pair.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    text.remove_prefix(amp + 1);
  }
}

std::string base64_decode(std::string_view text) {
  constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const auto value = alphabet.find(c);
    if (value == std::string_view::npos) continue;  // padding and whitespace
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

HttpResponse oauth_error(std::string_view error, std::string_view description) {
  return json_response({{"error", error}, {"error_description", description}}, 400);
}

}  // namespace

HttpResponse handle_oauth_token(TokenRegistry& tokens, const HttpRequest& request,
                                std::string_view query, UnixSeconds now) {
  if (request.method != "POST") return oauth_error("invalid_request", "POST required");
  std::map<std::string, std::string> params;
  parse_form(query, params);
  if (request.content_type &&
      request.content_type->starts_with("application/x-www-form-urlencoded")) {
    parse_form(request.body, params);
  }
  if (request.authorization && request.authorization->starts_with("Basic ")) {
    const auto credentials = base64_decode(request.authorization->substr(6));
    const auto colon = credentials.find(':');
    params.try_emplace("client_id", credentials.substr(0, colon));
    if (colon != std::string::npos)
      params.try_emplace("client_secret", credentials.substr(colon + 1));
  }
  const auto& settings = tokens.settings();
  if (params.count("grant_type") == 0) return oauth_error("invalid_request", "No grant type");
  if (params["grant_type"] != "refresh_token") {
    return oauth_error("unsupported_grant_type", "grant_type is not supported");
  }
  if (params["client_id"] != settings.app_key ||
      (params.count("client_secret") != 0 && params["client_secret"] != settings.app_secret)) {
    return oauth_error("invalid_client", "Invalid client_id or client_secret");
  }
  if (params["refresh_token"] != settings.refresh_token) {
    return oauth_error("invalid_grant", "refresh token is invalid or revoked");
  }
  return json_response({{"access_token", tokens.issue(now)},
                        {"token_type", "bearer"},
                        {"expires_in", settings.token_lifetime_seconds}});
}

}  // namespace roster::emulator
