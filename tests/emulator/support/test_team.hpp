#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/team_state.hpp"
#include "support/http_client.hpp"
#include "support/temp_dir.hpp"

namespace roster::emulator {
class Emulator;
class MemorySink;
class Router;
}  // namespace roster::emulator

namespace roster::emulator::test {

inline constexpr const char* k_token = "test-token";

/// routes: a Router called directly (no sockets, fixed wall clock, memory sink).
/// http: a real Emulator on 127.0.0.1 with a state file, reached with HttpClient.
enum class Mode { routes, http };

struct TeamOptions {
  double rate_limit = 0;
  std::int64_t token_lifetime_seconds = 14400;
  std::optional<std::vector<std::string>> scopes;  // nullopt: every scope
};

/// A team under test. Seeds may use "{{RECENT}}" (an hour ago) and "{{OLD}}" (eight
/// days ago) as timestamps; they are filled in from the team's clock.
class TestTeam {
 public:
  explicit TestTeam(Mode mode = Mode::routes, std::string seed = {}, TeamOptions options = {});
  ~TestTeam();

  /// POST /2/<route> with the test token and a JSON body.
  Reply call(std::string_view route, const nlohmann::json& arg);
  /// POST /2/<route> with the test token and no body (Void arguments).
  Reply call_void(std::string_view route);
  Reply send(const ClientRequest& request);
  Reply admin_get(std::string_view path);
  Reply admin_post(std::string_view path, const nlohmann::json& body);
  void advance_clock(std::int64_t seconds);
  /// routes mode: moves the rate limiter's clock.
  void advance_monotonic(double seconds) { m_monotonic += seconds; }

  [[nodiscard]] Mode mode() const { return m_mode; }
  [[nodiscard]] UnixSeconds started_at() const { return m_now; }
  [[nodiscard]] std::uint16_t port() const;
  [[nodiscard]] std::string state_path() const { return m_dir.file("state.json"); }
  /// http mode: stops the emulator and starts it again on the same state file.
  void restart();

 private:
  void start_http();

  Mode m_mode;
  TeamOptions m_options;
  TempDir m_dir;
  UnixSeconds m_now;
  double m_monotonic = 1000.0;
  std::unique_ptr<MemorySink> m_sink;
  std::unique_ptr<Router> m_router;
  std::unique_ptr<Emulator> m_emulator;
  std::unique_ptr<HttpClient> m_client;
};

/// A team of 8 records: admin@acme.com (team admin, owns the token), amy (active, in
/// group Sales), ian (invited), sue (suspended), uma (user management admin), rita
/// (removed an hour ago: recoverable), olga (removed 8 days ago), basil (removed with
/// keep_account). elsewhere@other.com is on another team. Groups: Sales
/// (company-managed, external id "sales"), Everyone (system-managed), Projects (user-managed).
/// The team has a member space limit of 100 GB; acme.com is its verified domain.
/// `extra_keys` ("\"key\": value, ...") are added to the top level (later keys win).
[[nodiscard]] std::string acme_seed(std::uint32_t licenses = 10, std::string_view extra_keys = {});

/// `seed` (an acme_seed()) with `members` ("{...}, {...}") added at the start of its
/// members list, so the indexes of acme's own members move by their number.
[[nodiscard]] std::string with_members(std::string seed, std::string_view members);

/// The group id acme_seed() gives its n-th group (1: Sales, 2: Everyone, 3: Projects).
[[nodiscard]] std::string acme_group_id(std::uint64_t n);

/// Replaces "{{RECENT}}" and "{{OLD}}" in a seed with times an hour and eight days before `now`.
[[nodiscard]] std::string fill_times(std::string seed, UnixSeconds now);

/// The `profile` of members/get_info_v2 for one email (throws when the call fails).
[[nodiscard]] nlohmann::json member_profile(TestTeam& team, const std::string& email);

/// {".tag": "email", "email": address}
[[nodiscard]] nlohmann::json by_email(const std::string& address);

/// The exact 409 body for a route error.
[[nodiscard]] nlohmann::json error_body(const nlohmann::json& error);

}  // namespace roster::emulator::test
