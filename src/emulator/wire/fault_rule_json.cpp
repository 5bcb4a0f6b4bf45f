#include "wire/fault_rule_json.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

namespace roster::emulator {

namespace {

using nlohmann::json;

constexpr std::uint64_t k_max_retry_after = 86400;
constexpr std::uint64_t k_max_latency_ms = 600000;

// A JSON integer in [min, max]; nullopt for anything else (strings, fractions, negatives).
std::optional<std::uint64_t> whole_number(const json& value, std::uint64_t min, std::uint64_t max) {
  if (!value.is_number_integer()) return std::nullopt;
  if (!value.is_number_unsigned() && value.get<std::int64_t>() < 0) return std::nullopt;
  const auto number = value.get<std::uint64_t>();
  if (number < min || number > max) return std::nullopt;
  return number;
}

std::optional<std::string> check_keys(const json& value) {
  static constexpr std::array<std::string_view, 6> k_keys = {
      "route", "kind", "count", "probability", "retry_after", "latency_ms"};
  for (const auto& item : value.items()) {
    if (std::find(k_keys.begin(), k_keys.end(), item.key()) == k_keys.end()) {
      return "unknown fault key \"" + item.key() + "\"";
    }
  }
  return std::nullopt;
}

// When the rule fires: the next `count` calls, or each call with `probability`.
std::optional<std::string> read_trigger(const json& value, FaultRule& rule) {
  if (const auto it = value.find("count"); it != value.end()) {
    const auto count = whole_number(*it, 1, UINT32_MAX);
    if (!count) return "count must be a whole number from 1 to 4294967295";
    rule.count = static_cast<std::uint32_t>(*count);
  }
  if (const auto it = value.find("probability"); it != value.end()) {
    if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) {
      return "probability must be between 0 and 1";
    }
    rule.probability = it->get<double>();
  } else if (!rule.count) {
    return "give count (next N calls) or probability";
  }
  return std::nullopt;
}

std::optional<std::string> read_effect(const json& value, FaultRule& rule) {
  if (const auto it = value.find("retry_after"); it != value.end()) {
    const auto seconds = whole_number(*it, 0, k_max_retry_after);
    if (!seconds) return "retry_after must be a whole number of seconds from 0 to 86400";
    rule.retry_after_seconds = static_cast<std::uint32_t>(*seconds);
  }
  if (const auto it = value.find("latency_ms"); it != value.end()) {
    const auto ms = whole_number(*it, 0, k_max_latency_ms);
    if (!ms) return "latency_ms must be a whole number from 0 to 600000";
    rule.latency = std::chrono::milliseconds(static_cast<std::int64_t>(*ms));
  }
  return std::nullopt;
}

}  // namespace

std::variant<FaultRule, std::string> read_fault_rule(const json& value) {
  if (!value.is_object()) return std::string("each fault must be an object");
  if (auto problem = check_keys(value)) return *problem;
  FaultRule rule;
  const auto kind_it = value.find("kind");
  const auto kind = kind_it != value.end() && kind_it->is_string()
                        ? parse_fault_kind(kind_it->get<std::string>())
                        : std::nullopt;
  if (!kind) return std::string("kind must be one of 429, 500, 503, drop, latency");
  rule.kind = *kind;
  if (const auto it = value.find("route"); it != value.end()) {
    if (!it->is_string()) return std::string("route must be a string");
    rule.route = it->get<std::string>();
    if (rule.route.starts_with("/2/")) rule.route.erase(0, 3);
  }
  if (auto problem = read_trigger(value, rule)) return *problem;
  if (auto problem = read_effect(value, rule)) return *problem;
  return rule;
}

json fault_rules_json(const std::vector<FaultRule>& rules) {
  auto list = json::array();
  for (const auto& rule : rules) {
    json item = {{"route", rule.route}, {"kind", fault_kind_name(rule.kind)}};
    if (rule.count) item["count"] = *rule.count;
    if (!rule.count) item["probability"] = rule.probability;
    if (rule.kind == FaultKind::too_many_requests) item["retry_after"] = rule.retry_after_seconds;
    if (rule.kind == FaultKind::latency) item["latency_ms"] = rule.latency.count();
    list.push_back(std::move(item));
  }
  return json::object({{"faults", std::move(list)}});
}

}  // namespace roster::emulator
