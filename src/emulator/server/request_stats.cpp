#include "server/request_stats.hpp"

#include <nlohmann/json.hpp>

namespace roster::emulator {

void RequestStats::record(std::string_view route, std::string_view outcome) {
  std::lock_guard lock(m_mutex);
  auto bump = [](auto& map, std::string_view key) {
    auto it = map.find(key);
    if (it == map.end()) it = map.emplace(std::string(key), 0).first;
    ++it->second;
  };
  bump(m_calls, route);
  bump(m_statuses, outcome);
  auto it = m_route_statuses.find(route);
  if (it == m_route_statuses.end())
    it = m_route_statuses
             .emplace(std::string(route), std::map<std::string, std::uint64_t, std::less<>>{})
             .first;
  bump(it->second, outcome);
}

std::string RequestStats::to_json() const {
  std::lock_guard lock(m_mutex);
  nlohmann::json body = {{"calls", nlohmann::json::object()},
                         {"statuses", nlohmann::json::object()},
                         {"route_statuses", nlohmann::json::object()}};
  for (const auto& [route, count] : m_calls)
    body["calls"][route] = count;
  for (const auto& [status, count] : m_statuses)
    body["statuses"][status] = count;
  for (const auto& [route, statuses] : m_route_statuses) {
    for (const auto& [status, count] : statuses)
      body["route_statuses"][route][status] = count;
  }
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace roster::emulator
