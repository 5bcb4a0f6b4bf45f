// The emulator's own endpoints under /_emulator/ (PRODUCT.md §7). Never part of the
// Dropbox API; they need no token and are not counted in the statistics.
#include "routes/router.hpp"
#include "store/timestamp.hpp"
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

nlohmann::json parse_object(const HttpRequest& request) {
  auto body = nlohmann::json::parse(request.body, nullptr, false);
  return body.is_object() ? body : nlohmann::json();
}

nlohmann::json describe(const std::vector<FaultRule>& rules) {
  auto list = nlohmann::json::array();
  for (const auto& rule : rules) {
    nlohmann::json item = {{"route", rule.route}, {"kind", fault_kind_name(rule.kind)}};
    if (rule.count) item["count"] = *rule.count;
    if (!rule.count) item["probability"] = rule.probability;
    if (rule.kind == FaultKind::too_many_requests) item["retry_after"] = rule.retry_after_seconds;
    if (rule.kind == FaultKind::latency) item["latency_ms"] = rule.latency.count();
    list.push_back(std::move(item));
  }
  return {{"faults", std::move(list)}};
}

// One rule: {"route", "kind", "count" | "probability", "retry_after", "latency_ms"}.
std::optional<FaultRule> read_fault(const nlohmann::json& value, std::string& error) {
  static const std::vector<std::string> k_keys = {"route",       "kind",        "count",
                                                  "probability", "retry_after", "latency_ms"};
  if (!value.is_object()) return error = "each fault must be an object", std::nullopt;
  for (const auto& item : value.items()) {
    if (std::find(k_keys.begin(), k_keys.end(), item.key()) == k_keys.end()) {
      return error = "unknown fault key \"" + item.key() + "\"", std::nullopt;
    }
  }
  FaultRule rule;
  const auto kind = parse_fault_kind(value.value("kind", ""));
  if (!kind) return error = "kind must be one of 429, 500, 503, drop, latency", std::nullopt;
  rule.kind = *kind;
  rule.route = value.value("route", "*");
  if (rule.route.starts_with("/2/")) rule.route.erase(0, 3);
  if (value.contains("count")) {
    if (!value["count"].is_number_unsigned())
      return error = "count must be a positive integer", std::nullopt;
    rule.count = value["count"].get<std::uint32_t>();
  }
  rule.probability = value.value("probability", 1.0);
  if (rule.probability < 0 || rule.probability > 1) {
    return error = "probability must be between 0 and 1", std::nullopt;
  }
  if (!value.contains("count") && !value.contains("probability")) {
    return error = "give count (next N calls) or probability", std::nullopt;
  }
  rule.retry_after_seconds = value.value("retry_after", 1U);
  rule.latency = std::chrono::milliseconds(value.value("latency_ms", 0));
  return rule;
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
  if (path == "faults" && get) return json_response(describe(m_faults.rules()));
  if (path == "faults" && post) return admin_faults(request);
  if (path == "clock" && post) return admin_clock(request);
  if (path == "accept_invite" && post) return admin_accept_invite(request);
  for (const auto* known : {"stats", "state", "faults", "clock", "accept_invite"}) {
    if (path == known) return admin_text(405, "method not allowed");
  }
  return admin_text(404, "no such emulator endpoint: /_emulator/" + std::string(path));
}

HttpResponse Router::admin_faults(const HttpRequest& request) {
  const auto body = parse_object(request);
  if (body.is_null()) return admin_text(400, "expected a JSON object");
  if (body.value("clear", false)) {
    m_faults.clear();
    return json_response(describe(m_faults.rules()));
  }
  std::vector<FaultRule> rules;
  std::string error;
  const auto& list = body.contains("faults") ? body["faults"] : nlohmann::json::array({body});
  if (!list.is_array()) return admin_text(400, "faults must be a list");
  for (const auto& value : list) {
    auto rule = read_fault(value, error);
    if (!rule) return admin_text(400, error);
    rules.push_back(std::move(*rule));
  }
  for (auto& rule : rules)
    m_faults.add(std::move(rule));
  return json_response(describe(m_faults.rules()));
}

HttpResponse Router::admin_clock(const HttpRequest& request) {
  const auto body = parse_object(request);
  if (body.is_null() || !body.contains("advance_seconds") ||
      !body["advance_seconds"].is_number_integer()) {
    return admin_text(400, "expected {\"advance_seconds\": N}");
  }
  std::unique_lock lock(m_mutex);
  m_store.advance_clock(body["advance_seconds"].get<std::int64_t>());
  m_clock_offset.store(m_store.state().info.clock_offset_seconds);
  const auto offset = m_clock_offset.load();
  auto response = json_response({{"now", format_timestamp(now())}, {"offset_seconds", offset}});
  return commit(std::move(response), lock);
}

HttpResponse Router::admin_accept_invite(const HttpRequest& request) {
  const auto body = parse_object(request);
  if (body.is_null() || !body.contains("email") || !body["email"].is_string()) {
    return admin_text(400, "expected {\"email\": \"...\"}");
  }
  std::unique_lock lock(m_mutex);
  const auto result = m_store.accept_invite(body["email"].get<std::string>(), now());
  if (std::holds_alternative<ApiError>(result)) {
    return json_response({{"error", "no invited member with this email"}}, 404);
  }
  auto response = json_response(member_info_v2_json(m_store, std::get<std::size_t>(result), now()));
  return commit(std::move(response), lock);
}

}  // namespace roster::emulator
