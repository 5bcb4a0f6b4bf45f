#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace roster::emulator {

/// Calls and answers per route path (`GET /_emulator/stats`). Thread-safe.
class RequestStats {
 public:
  /// `outcome` is the HTTP status ("200", "409", ...) or "dropped".
  void record(std::string_view route, std::string_view outcome);
  /// `{"calls": {route: n}, "statuses": {status: n}, "route_statuses": {route: {status: n}}}`.
  [[nodiscard]] std::string to_json() const;

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, std::uint64_t, std::less<>> m_calls;
  std::map<std::string, std::uint64_t, std::less<>> m_statuses;
  std::map<std::string, std::map<std::string, std::uint64_t, std::less<>>, std::less<>>
      m_route_statuses;
};

}  // namespace roster::emulator
