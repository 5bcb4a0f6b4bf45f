#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace roster::emulator {

enum class FaultKind { too_many_requests, internal_error, unavailable, drop_connection, latency };

/// One injected failure: for calls of `route` ("*" = every API route), either the next
/// `count` calls, or each call with `probability` when no count is given.
struct FaultRule {
  std::string route = "*";
  FaultKind kind = FaultKind::internal_error;
  std::optional<std::uint32_t> count;
  double probability = 1.0;
  std::uint32_t retry_after_seconds = 1;  // too_many_requests
  std::chrono::milliseconds latency{0};   // latency
};

/// What to do with one call: the failure to answer with (if any) and added latency.
struct FaultDecision {
  std::optional<FaultKind> kind;
  std::uint32_t retry_after_seconds = 1;
  std::chrono::milliseconds latency{0};
};

/// The injected failures (`POST /_emulator/faults`). Thread-safe; deterministic for a seed.
class FaultPlan {
 public:
  explicit FaultPlan(std::uint64_t seed = 1) : m_random(seed) {}

  void add(FaultRule rule);
  void clear();
  [[nodiscard]] std::vector<FaultRule> rules() const;
  /// Consumes matching rules for one call of `route`. Latency rules add up; the first
  /// matching failure rule fires.
  FaultDecision next(std::string_view route);

 private:
  mutable std::mutex m_mutex;
  std::vector<FaultRule> m_rules;
  std::mt19937_64 m_random;
};

[[nodiscard]] std::string_view fault_kind_name(FaultKind kind);
[[nodiscard]] std::optional<FaultKind> parse_fault_kind(std::string_view name);

}  // namespace roster::emulator
