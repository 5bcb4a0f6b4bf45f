#include "server/fault_plan.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace roster::emulator {

namespace {

constexpr std::array<std::pair<std::string_view, FaultKind>, 5> k_kinds{{
    {"429", FaultKind::too_many_requests},
    {"500", FaultKind::internal_error},
    {"503", FaultKind::unavailable},
    {"drop", FaultKind::drop_connection},
    {"latency", FaultKind::latency},
}};

}  // namespace

std::string_view fault_kind_name(FaultKind kind) {
  for (const auto& [name, value] : k_kinds) {
    if (value == kind) return name;
  }
  return "500";
}

std::optional<FaultKind> parse_fault_kind(std::string_view name) {
  for (const auto& [text, value] : k_kinds) {
    if (text == name) return value;
  }
  return std::nullopt;
}

void FaultPlan::add(FaultRule rule) {
  std::lock_guard lock(m_mutex);
  m_rules.push_back(std::move(rule));
}

void FaultPlan::clear() {
  std::lock_guard lock(m_mutex);
  m_rules.clear();
}

std::vector<FaultRule> FaultPlan::rules() const {
  std::lock_guard lock(m_mutex);
  return m_rules;
}

FaultDecision FaultPlan::next(std::string_view route) {
  std::lock_guard lock(m_mutex);
  FaultDecision decision;
  for (auto& rule : m_rules) {
    if (rule.route != "*" && rule.route != route) continue;
    if (rule.count && *rule.count == 0) continue;
    if (!rule.count &&
        std::uniform_real_distribution<double>(0.0, 1.0)(m_random) >= rule.probability) {
      continue;
    }
    if (rule.kind == FaultKind::latency) {
      decision.latency += rule.latency;
    } else if (decision.kind) {
      continue;  // a failure already fires; this rule keeps its count
    } else {
      decision.kind = rule.kind;
      decision.retry_after_seconds = rule.retry_after_seconds;
    }
    if (rule.count) --*rule.count;
  }
  std::erase_if(m_rules, [](const FaultRule& rule) { return rule.count && *rule.count == 0; });
  return decision;
}

}  // namespace roster::emulator
