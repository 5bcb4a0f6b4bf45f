// The emulator's own endpoints under /_emulator/ (PRODUCT.md §7). Never part of the
// Dropbox API; they need no token and are not counted in the statistics.
#include "routes/router.hpp"
#include "store/timestamp.hpp"
#include "wire/fault_rule_json.hpp"
#include "wire/input_checks.hpp"
#include "wire/member_json.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

HttpResponse admin_text(int status, std::string message) {
  HttpResponse response;
  response.status = status;
  response.content_type = k_text_type;
  response.body = std::move(message);
  return response;
}

// The body as a JSON object, or the 400 to answer: `shape` describes what was expected.
std::variant<nlohmann::json, HttpResponse> read_object(const HttpRequest& request,
                                                       std::string_view shape) {
  if (is_nested_deeper_than(request.body, k_max_json_depth)) {
    return admin_text(400, "request body: JSON nested deeper than " +
                               std::to_string(k_max_json_depth) + " levels");
  }
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (!body.is_object()) return admin_text(400, std::string(shape));
  return body;
}

}  // namespace

HttpResponse Router::handle_admin(const HttpRequest& request, std::string_view path) {
  const bool get = request.method == "GET";
  const bool post = request.method == "POST";
  if (path == "stats" && get) {
    HttpResponse response;
    response.content_type = k_json_type;
    response.body = m_stats.to_json();
    return response;
  }
  if (path == "state" && get) {
    HttpResponse response;
    response.content_type = k_json_type;
    response.body = state_document();
    return response;
  }
  if (path == "faults" && get) return json_response(fault_rules_json(m_faults.rules()));
  if (path == "faults" && post) return admin_faults(request);
  if (path == "clock" && post) return admin_clock(request);
  if (path == "accept_invite" && post) return admin_accept_invite(request);
  if (path == "verify_secondary_email" && post) return admin_verify_secondary_email(request);
  for (const auto* known :
       {"stats", "state", "faults", "clock", "accept_invite", "verify_secondary_email"}) {
    if (path == known) return admin_text(405, "method not allowed");
  }
  return admin_text(404, "no such emulator endpoint: /_emulator/" + std::string(path));
}

HttpResponse Router::admin_faults(const HttpRequest& request) {
  auto read = read_object(request, "expected a JSON object");
  if (auto* refused = std::get_if<HttpResponse>(&read)) return std::move(*refused);
  const auto& body = std::get<nlohmann::json>(read);
  if (const auto clear = body.find("clear"); clear != body.end()) {
    if (!clear->is_boolean()) return admin_text(400, "clear must be true or false");
    if (clear->get<bool>()) {
      m_faults.clear();
      return json_response(fault_rules_json(m_faults.rules()));
    }
  }
  const auto list = body.contains("faults") ? body["faults"] : nlohmann::json::array({body});
  if (!list.is_array()) return admin_text(400, "faults must be a list");
  std::vector<FaultRule> rules;
  for (const auto& value : list) {
    auto rule = read_fault_rule(value);
    if (auto* problem = std::get_if<std::string>(&rule)) return admin_text(400, *problem);
    rules.push_back(std::get<FaultRule>(std::move(rule)));
  }
  for (auto& rule : rules)
    m_faults.add(std::move(rule));
  return json_response(fault_rules_json(m_faults.rules()));
}

HttpResponse Router::admin_clock(const HttpRequest& request) {
  auto read = read_object(request, "expected {\"advance_seconds\": N}");
  if (auto* refused = std::get_if<HttpResponse>(&read)) return std::move(*refused);
  const auto& body = std::get<nlohmann::json>(read);
  const auto seconds = body.find("advance_seconds");
  if (seconds == body.end() || !seconds->is_number_integer()) {
    return admin_text(400, "expected {\"advance_seconds\": N}");
  }
  std::unique_lock lock(m_mutex);
  const bool fits =
      !seconds->is_number_unsigned() || seconds->get<std::uint64_t>() <= std::uint64_t{INT64_MAX};
  if (!fits || !m_store.advance_clock(seconds->get<std::int64_t>())) {
    return admin_text(400,
                      "advance_seconds must keep the clock within 100 years of real time "
                      "(offset now " +
                          std::to_string(m_store.state().info.clock_offset_seconds) + " s)");
  }
  m_clock_offset.store(m_store.state().info.clock_offset_seconds);
  const auto offset = m_clock_offset.load();
  auto response = json_response({{"now", format_timestamp(now())}, {"offset_seconds", offset}});
  return commit(std::move(response), lock);
}

HttpResponse Router::admin_accept_invite(const HttpRequest& request) {
  auto read = read_object(request, "expected {\"email\": \"...\"}");
  if (auto* refused = std::get_if<HttpResponse>(&read)) return std::move(*refused);
  const auto& body = std::get<nlohmann::json>(read);
  const auto email = body.find("email");
  if (email == body.end() || !email->is_string()) {
    return admin_text(400, "expected {\"email\": \"...\"}");
  }
  std::unique_lock lock(m_mutex);
  const auto result = m_store.accept_invite(email->get<std::string>(), now());
  if (std::holds_alternative<ApiError>(result)) {
    return json_response({{"error", "no invited member with this email"}}, 404);
  }
  auto response = json_response(member_info_v2_json(m_store, std::get<std::size_t>(result), now()));
  return commit(std::move(response), lock);
}

// The owner of a pending secondary address follows the link in the verification mail.
HttpResponse Router::admin_verify_secondary_email(const HttpRequest& request) {
  auto read = read_object(request, "expected {\"email\": \"...\"}");
  if (auto* refused = std::get_if<HttpResponse>(&read)) return std::move(*refused);
  const auto& body = std::get<nlohmann::json>(read);
  const auto email = body.find("email");
  if (email == body.end() || !email->is_string()) {
    return admin_text(400, "expected {\"email\": \"...\"}");
  }
  std::unique_lock lock(m_mutex);
  const auto result = m_store.verify_secondary_email(email->get<std::string>());
  if (std::holds_alternative<ApiError>(result)) {
    return json_response({{"error", "no pending secondary email with this address"}}, 404);
  }
  auto response = json_response(member_info_v2_json(m_store, std::get<std::size_t>(result), now()));
  return commit(std::move(response), lock);
}

}  // namespace roster::emulator
